using SortLine.Pipeline.Inference;
using SortLine.Telemetry;

namespace SortLine.Service.Line;

/// <summary>
/// Creates the line's <see cref="ModelSlot"/> and ties it to the host: every plan published on the
/// <see cref="CalibrationState"/> (the first calibration and every recalibration) becomes the slot's preprocessing, the
/// current model's classifier rebuilt for the new references (<see cref="ModelSlot.Recalibrate"/>); every model put into
/// service is reported (model version metric, readiness).
/// </summary>
/// <remarks>The slot is rebuilt on the publisher's thread, inside <see cref="CalibrationState.Publish"/>; a plan of another
/// shape than the line's (a different camera) makes <c>Publish</c> throw and leaves the slot on the old references.</remarks>
internal static class ModelSlotFactory
{
    /// <summary>Creates the slot and subscribes it.</summary>
    /// <param name="calibration">The line's calibration state.</param>
    /// <param name="readiness">Readiness (ModelLoaded).</param>
    /// <param name="telemetry">Learning telemetry (model version).</param>
    /// <returns>The slot.</returns>
    public static ModelSlot Create(CalibrationState calibration, IReadinessReporter readiness, ILearningTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(telemetry);
        var slot = new ModelSlot();
        slot.ModelChanged += (_, model) =>
        {
            telemetry.ModelActivated(model.Version);
            readiness.SetCondition(ReadinessCondition.ModelLoaded, true);
        };
        Bind(calibration, slot);
        return slot;
    }

    /// <summary>Makes <paramref name="slot"/> follow <paramref name="calibration"/> (the current plan, if any, and every later one).</summary>
    /// <param name="calibration">The calibration state.</param>
    /// <param name="slot">The slot.</param>
    public static void Bind(CalibrationState calibration, ModelSlot slot)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(slot);
        calibration.Changed += (_, plan) => slot.Recalibrate(plan.Line);
        if (calibration.Current is { } current && !ReferenceEquals(slot.Current?.Preprocessing, current.Line))
        {
            slot.Recalibrate(current.Line);
        }
    }
}
