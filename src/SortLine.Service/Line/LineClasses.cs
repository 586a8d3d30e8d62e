namespace SortLine.Service.Line;

/// <summary>The line's class ids as the particle stage sees them: 0 = background (belt), then the minerals.</summary>
/// <remarks>A student's outputs are mapped to these by name (<see cref="SortLine.Pipeline.Inference.LineModel"/>); the reject
/// class is <c>SortLine:Particles:RejectClass</c>.</remarks>
internal static class LineClasses
{
    /// <summary>The name of class 0.</summary>
    public const string Background = "background";

    /// <summary>Gets the class names by line class id.</summary>
    public static IReadOnlyList<string> Names { get; } = [Background, "lepidolite", "albite", "quartz", "muscovite"];

    /// <summary>The byte class id of <c>SortLine:Particles:RejectClass</c> (−1, no reject class: unknown pixels count as belt).</summary>
    /// <param name="rejectClass">The configured reject class.</param>
    /// <returns>The class id written for pixels the model cannot place.</returns>
    public static int RejectClassId(int rejectClass) => rejectClass < 0 ? 0 : rejectClass;
}
