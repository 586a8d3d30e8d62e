using SortLine.Learning.Models;
using SortLine.Learning.Retraining;

namespace SortLine.Service.Line;

/// <summary>
/// The operator's handle on the model (the PLC's RequestRetrain and RollbackModel): forwards to the running
/// <see cref="MskdSession"/>, which <see cref="Workers.LearningWorker"/> attaches while its retraining session runs. Without
/// a session (learning disabled, LIBS not connected yet, the one-shot bootstrap mode, shutdown) both answer
/// <see cref="ControlOutcome.InvalidState"/>.
/// </summary>
internal sealed class RetrainingControl
{
    private MskdSession? _session;

    /// <summary>Attaches the running session, or detaches it (null) when it ends.</summary>
    public void Attach(MskdSession? session) => Volatile.Write(ref _session, session);

    /// <summary>Gets the student's rolling agreement with the teacher at paired LIBS points (the session's drift monitor), or
    /// null without a session or before a pair has been scored since the last model change.</summary>
    public double? TeacherAgreement =>
        Volatile.Read(ref _session) is { } session && session.Agreement.Current is { Count: > 0 } current ? current.Agreement : null;

    /// <summary>Queues a retrain (merged with one already pending).</summary>
    /// <param name="reason">Why (recorded as the trigger).</param>
    /// <returns><see cref="ControlOutcome.Done"/> when queued or merged; <see cref="ControlOutcome.InvalidState"/> without a session.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public ControlOutcome RequestRetrain(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Volatile.Read(ref _session) is not { } session)
        {
            return ControlOutcome.InvalidState;
        }

        session.RequestRetrain(reason);
        return ControlOutcome.Done;
    }

    /// <summary>Makes a registered version the champion, so the line classifies with it.</summary>
    /// <param name="version">The version.</param>
    /// <param name="actor">Who (recorded in the registry history).</param>
    /// <param name="champion">The champion now, when done.</param>
    /// <returns><see cref="ControlOutcome.Done"/>; <see cref="ControlOutcome.NotFound"/> for an unknown version;
    /// <see cref="ControlOutcome.InvalidState"/> without a session, for a rejected version or a damaged model file.</returns>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    public ControlOutcome RollbackTo(string version, string actor, out string? champion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        champion = null;
        if (Volatile.Read(ref _session) is not { } session)
        {
            return ControlOutcome.InvalidState;
        }

        try
        {
            champion = session.RollbackTo(version, actor, "operator rollback").Version;
            return ControlOutcome.Done;
        }
        catch (KeyNotFoundException)
        {
            return ControlOutcome.NotFound;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ModelFileException)
        {
            return ControlOutcome.InvalidState;
        }
    }
}
