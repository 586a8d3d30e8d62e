namespace SortLine.Learning.Teacher;

/// <summary>Which line measurement of <see cref="SortLine.Spectra.Features.LineFeaturePlan"/> becomes the teacher's feature.</summary>
public enum LineFeatureKind
{
    /// <summary>Peak height above the local straight baseline (spectrum units): the "line intensity" of the methods brief.</summary>
    Height = 0,

    /// <summary>Trapezoidal area above the local straight baseline (spectrum units × nm): less sensitive to line width.</summary>
    Area = 1,
}
