using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SortLine.Spectra.Internal;

/// <summary>Throw sites of the Regression and Classification areas (PLS, PLS-DA, affine models).</summary>
internal static partial class ThrowHelper
{
    /// <summary>Validates the shapes of a PLS training set (≥ 2 samples, ≥ 1 feature and target, equal row counts,
    /// components ≤ features).</summary>
    public static void ThrowIfInvalidTrainingShape(ReadOnlyMatrixSpan<double> x, ReadOnlyMatrixSpan<double> y, int components)
    {
        ThrowIfTooFewSamples(x.Rows, nameof(x));
        if (x.Columns < 1)
        {
            ThrowArgumentOutOfRange(nameof(x), x.Columns, "At least one feature (column) is required.");
        }

        if (y.Columns < 1)
        {
            ThrowArgumentOutOfRange(nameof(y), y.Columns, "At least one target (column) is required.");
        }

        if (y.Rows != x.Rows)
        {
            ThrowArgument(nameof(y), string.Create(CultureInfo.InvariantCulture,
                $"y has {y.Rows} rows but x has {x.Rows}; one target row per sample is required."));
        }

        ThrowIfTooManyComponents(components, x.Columns);
    }

    /// <summary>Throws unless there are at least two samples (the ddof = 1 deviation needs two).</summary>
    public static void ThrowIfTooFewSamples(int rows, string paramName)
    {
        if (rows < 2)
        {
            ThrowArgumentOutOfRange(paramName, rows, "At least 2 samples (rows) are required.");
        }
    }

    /// <summary>Throws when more PLS components are requested than there are features (the rank bound of XᵀX).</summary>
    public static void ThrowIfTooManyComponents(int components, int features)
    {
        if (components < 1 || components > features)
        {
            ThrowArgumentOutOfRange("options", components, string.Create(CultureInfo.InvariantCulture,
                $"The number of components must lie in [1, {features}] (the number of features)."));
        }
    }

    /// <summary>Throws when a class label is outside [0, classCount).</summary>
    public static void ThrowIfInvalidLabels(ReadOnlySpan<int> labels, int classCount, string paramName)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                ThrowInvalidLabel(i, labels[i], classCount, paramName);
            }
        }
    }

    [DoesNotReturn]
    private static void ThrowInvalidLabel(int index, int label, int classCount, string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, label, string.Create(CultureInfo.InvariantCulture,
            $"Label {index} is {label}; labels must lie in [0, {classCount})."));
}
