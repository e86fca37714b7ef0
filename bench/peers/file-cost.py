#!/usr/bin/python3
"""file-cost.py [PARENT] [N]: what the kernel charges for each cgroup file berth reads, per cgroup.

Reads every file berth's sampler reads, for N cgroups PARENT/g0001.. (those of the peers harness's
mkcgroups.sh, default benchpeers and 500), two ways: pread at offset 0 of a descriptor kept open (what berth
does each tick) and open+read+close (what a reader that does not keep files open pays). Python's own cost per
call (pread of /dev/zero) is subtracted. Microseconds per file per cgroup: the slope of berth's cost in N.
"""
import sys
import os, time
base='/sys/fs/cgroup'
files=['cpuacct/%s/cpuacct.usage','cpuacct/%s/cpuacct.usage_user','cpuacct/%s/cpuacct.usage_sys','cpuacct/%s/cpuacct.stat','cpu/%s/cpu.stat','memory/%s/memory.usage_in_bytes','memory/%s/memory.memsw.usage_in_bytes','memory/%s/memory.stat','memory/%s/memory.oom_control','blkio/%s/blkio.throttle.io_service_bytes_recursive','blkio/%s/blkio.throttle.io_serviced_recursive','blkio/%s/blkio.throttle.io_service_bytes','pids/%s/pids.current','freezer/%s/freezer.state','pids/%s/cgroup.procs','cpu/%s/cpu.cfs_quota_us','memory/%s/memory.limit_in_bytes']
parent=sys.argv[1] if len(sys.argv)>1 else 'benchpeers'
n=int(sys.argv[2]) if len(sys.argv)>2 else 500
groups=[parent+'/g%04d'%i for i in range(1,n+1)]
# baseline: pread on /dev/zero
fd=os.open('/dev/zero',os.O_RDONLY); t=time.perf_counter()
for g in groups: os.pread(fd,4096,0)
base_us=(time.perf_counter()-t)/len(groups)*1e6
print(f"python pread overhead (dev/zero): {base_us:.2f} us")
for f in files:
    fds=[os.open(os.path.join(base,f%g),os.O_RDONLY) for g in groups]
    for fd in fds: os.pread(fd,4096,0)
    t=time.perf_counter()
    for r in range(3):
        for fd in fds: os.pread(fd,4096,0)
    us=(time.perf_counter()-t)/len(fds)/3*1e6
    t=time.perf_counter()
    for g in groups:
        fd=os.open(os.path.join(base,f%g),os.O_RDONLY); os.read(fd,4096); os.close(fd)
    us2=(time.perf_counter()-t)/len(fds)*1e6
    for fd in fds: os.close(fd)
    print(f"{f.split('/')[-1]:45s} pread {us-base_us:6.2f} us   open+read+close {us2-base_us:6.2f} us")
t=time.perf_counter()
for g in groups: os.lstat(os.path.join(base,'memory',g))
print("lstat", (time.perf_counter()-t)/len(groups)*1e6)
t=time.perf_counter()
for g in groups: os.readlink('/proc/self/ns/net')
print("readlink ns", (time.perf_counter()-t)/len(groups)*1e6)
