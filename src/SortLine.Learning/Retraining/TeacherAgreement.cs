namespace SortLine.Learning.Retraining;

/// <summary>A reading of the teacher-agreement monitor.</summary>
/// <param name="Agreement">Share of the window's pairs where the student's class equals the teacher's label, in [0, 1]; NaN
/// when the window is empty.</param>
/// <param name="Count">Pairs in the window.</param>
/// <param name="IsAlarmed">Whether the drift alarm is on (agreement below the threshold with enough pairs).</param>
/// <param name="ModelVersion">The student version the window was measured with, or null before the first pair.</param>
public readonly record struct TeacherAgreement(double Agreement, int Count, bool IsAlarmed, string? ModelVersion);
