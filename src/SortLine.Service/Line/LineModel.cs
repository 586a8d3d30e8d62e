using SortLine.Spectra.Classification;

namespace SortLine.Service.Line;

/// <summary>
/// A student model ready for the line: the affine classifier over preprocessed spectra, its version, and the map from the
/// classifier's outputs to pipeline class ids (0 = background/belt, 1.. = minerals as in <c>SortLine:Line:Classes</c>).
/// </summary>
/// <param name="Version">Model version id.</param>
/// <param name="Classifier">The classifier.</param>
/// <param name="OutputToClass">Pipeline class id of each classifier output.</param>
/// <param name="ClassNames">Pipeline class names by class id (index 0 = background); ids beyond the list are "unknown".</param>
internal sealed record LineModel(string Version, AffineClassifier Classifier, byte[] OutputToClass, IReadOnlyList<string> ClassNames)
{
    /// <summary>Gets the name of a pipeline class id.</summary>
    public string ClassName(int classId) => (uint)classId < (uint)ClassNames.Count ? ClassNames[classId] : "unknown";
}
