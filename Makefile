# make                       build (the Maven wrapper; tests skipped)
# make install               install under PREFIX (default /usr/local); DESTDIR for staging
# make uninstall             remove what install put there
# make deb                   dist/target/berth_<version>_<arch>.deb (also built by ./mvnw package)
PREFIX ?= /usr/local
DESTDIR ?=

all:
	./mvnw -q -DskipTests package

install:
	sh dist/install.sh "$(PREFIX)" "$(DESTDIR)"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/lib/berth"
	rm -f "$(DESTDIR)$(PREFIX)/bin/berth" "$(DESTDIR)$(PREFIX)/share/man/man1/berth.1.gz" \
	  "$(DESTDIR)$(PREFIX)"/share/man/man1/berth-*.1.gz \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/berth" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_berth" "$(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_berth" \
	  "$(DESTDIR)$(PREFIX)"/lib/systemd/system/berth-*.service

deb:
	./mvnw -q -DskipTests package

.PHONY: all install uninstall deb
