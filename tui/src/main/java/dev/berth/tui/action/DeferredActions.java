package dev.berth.tui.action;

import dev.berth.tui.view.ContainerRow;
import dev.berth.ops.CurrentLimits;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * {@link ContainerActions} whose real implementation is built in the background (the runtime's
 * native signalling and its helper binary take a while to load), so the console does not wait for it
 * before its first frame: the build starts at {@link #prepare} (the console calls it once its first
 * sampled frame is drawn, so that the build does not take CPU from that frame) or at the first action,
 * whichever comes first. Each call waits for the build; a build failure becomes the error of every action.
 */
public final class DeferredActions implements ContainerActions {
    private final Supplier<ContainerActions> factory;
    private final Optional<String> unavailable;
    private CompletableFuture<ContainerActions> actions;   // guarded by this; null until the build starts

    /**
     * @param factory builds the real actions (on a background thread)
     * @param unavailable why actions cannot run, known without building them (not root)
     */
    public DeferredActions(Supplier<ContainerActions> factory, Optional<String> unavailable) {
        this.factory = factory;
        this.unavailable = unavailable;
    }

    /** Starts the build on a background thread, once; later calls do nothing. */
    @Override
    public void prepare() {
        started();
    }

    /** The build, started by the first call. */
    private synchronized CompletableFuture<ContainerActions> started() {
        if (actions == null) {
            actions = CompletableFuture.supplyAsync(factory, r -> {
                Thread t = new Thread(r, "berth-actions-init");
                t.setDaemon(true);
                t.start();
            });
        }
        return actions;
    }

    private ContainerActions get() throws ActionException {
        try {
            return started().get();
        } catch (ExecutionException e) {
            throw new ActionException("actions are unavailable: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException("interrupted", e);
        }
    }

    @Override
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    @Override
    public CurrentLimits readLimits(ContainerRow container) throws ActionException {
        return get().readLimits(container);
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        try {
            return get().validateLimit(field, text);
        } catch (ActionException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void applyLimits(ContainerRow container, Map<LimitField, String> changed) throws ActionException {
        get().applyLimits(container, changed);
    }

    @Override
    public void freeze(ContainerRow container) throws ActionException {
        get().freeze(container);
    }

    @Override
    public void thaw(ContainerRow container) throws ActionException {
        get().thaw(container);
    }

    @Override
    public void stop(ContainerRow container) throws ActionException {
        get().stop(container);
    }

    @Override
    public void kill(ContainerRow container, String signal) throws ActionException {
        get().kill(container, signal);
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        try {
            return get().validateLaunch(field, text);
        } catch (ActionException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        return get().launch(values);
    }
}
