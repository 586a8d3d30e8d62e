namespace SortLine.Learning.Teacher;

/// <summary>A mineral (or the background) and the elements whose LIBS lines it shows.</summary>
/// <param name="Name">The class name (e.g. "lepidolite").</param>
/// <param name="Elements">Element symbols the mineral shows (e.g. Li, Rb, K, Al, Si); empty for the background.</param>
public sealed record Mineral(string Name, IReadOnlyList<string> Elements);
