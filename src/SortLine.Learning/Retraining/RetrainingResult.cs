using SortLine.Learning.Student;

namespace SortLine.Learning.Retraining;

/// <summary>The record of one retrain: what triggered it, what it decided and why, and the numbers behind the decision.</summary>
/// <param name="Trigger">What asked for it (<c>schedule</c>, or the reason given to <see cref="MskdSession.RequestRetrain"/>).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, in words (logged and written to the registry history).</param>
/// <param name="StartedUtc">When the retrain started (UTC, session clock).</param>
/// <param name="Duration">How long it took (session clock).</param>
/// <param name="ChallengerVersion">The version registered for the challenger, or null when none was registered.</param>
/// <param name="ChampionVersion">The champion before the retrain, or null.</param>
/// <param name="TrainingCount">Pairs the challenger was fitted on (after edge/confidence selection); 0 when not fitted.</param>
/// <param name="HeldOutCount">Held-out pairs champion and challenger were scored on; 0 when not fitted.</param>
/// <param name="Components">The challenger's PLS components; 0 when not fitted.</param>
/// <param name="Challenger">The challenger on the held-out pairs (against the teacher), or null.</param>
/// <param name="Champion">The champion on the same held-out pairs, or null (no champion, or not comparable).</param>
public sealed record RetrainingResult(
    string Trigger,
    RetrainingOutcome Outcome,
    string Reason,
    DateTimeOffset StartedUtc,
    TimeSpan Duration,
    string? ChallengerVersion,
    string? ChampionVersion,
    int TrainingCount,
    int HeldOutCount,
    int Components,
    StudentEvaluation? Challenger,
    StudentEvaluation? Champion);
