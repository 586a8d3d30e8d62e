using System.Globalization;
using SortLine.Learning.Models;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Pipeline.Inference;

/// <summary>
/// One student model version as the line uses it, independent of the camera's references: the affine model, its
/// preprocessing plans and reject rule, and the map from the model's output indices to the line's class ids
/// (0 = belt/background, 1 = lepidolite, …, and the line's reject/unknown class). <see cref="Build"/> turns it into the
/// <see cref="LineClassifier"/> of a calibration, so a recalibration rebuilds the classifier of the same model.
/// </summary>
/// <remarks>
/// <para><b>Class ids.</b> A model numbers its classes in its own order (e.g. the teacher's minerals, with "background"
/// among them); the particle stage wants the line's ids. Model class names are matched to line class names
/// (case-insensitive); a model class the line does not know, a reject index outside the model's classes, or any other
/// index maps to the line's reject class. So a model whose reject rule names its "background" class sends rejected and
/// dead pixels to the belt (0), and one whose reject index is outside its classes sends them to the line's reject class.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class LineModel
{
    private readonly byte[] _lineClassOf = new byte[256];
    private readonly string[] _lineClassNames;

    /// <summary>Creates a line model.</summary>
    /// <param name="version">The model version id.</param>
    /// <param name="model">The affine student (classes × bands).</param>
    /// <param name="smoothing">Its Savitzky–Golay plan.</param>
    /// <param name="hullQuotient">Its hull quotient plan, or null when the model was trained without it.</param>
    /// <param name="reject">Its reject rule (the reject class is a model index, or outside the model's classes).</param>
    /// <param name="classNames">The model's class names, one per output.</param>
    /// <param name="lineClassNames">The line's class names by line class id (index 0 = the belt, usually "background").</param>
    /// <param name="lineRejectClass">The line's reject/unknown class id (0-255).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The version is blank, the name counts do not fit, or the plans do not fit the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lineRejectClass"/> is not a byte.</exception>
    public LineModel(string version, AffineModel model, SavitzkyGolayPlan smoothing, HullQuotientPlan? hullQuotient, PixelRejectRule reject,
        IReadOnlyList<string> classNames, IReadOnlyList<string> lineClassNames, int lineRejectClass)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(smoothing);
        ArgumentNullException.ThrowIfNull(reject);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(lineClassNames);
        ArgumentOutOfRangeException.ThrowIfNegative(lineRejectClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lineRejectClass, byte.MaxValue);
        if (classNames.Count != model.OutputCount)
        {
            throw new ArgumentException(Invariant($"{classNames.Count} class names for a model of {model.OutputCount} classes."), nameof(classNames));
        }

        if (lineClassNames.Count is 0 or > 256)
        {
            throw new ArgumentException(Invariant($"The line has {lineClassNames.Count} classes; 1 to 256 are allowed."), nameof(lineClassNames));
        }

        if (smoothing.WindowLength > model.InputCount)
        {
            throw new ArgumentException(Invariant($"The smoothing window ({smoothing.WindowLength}) is longer than the model's spectrum ({model.InputCount} bands)."), nameof(smoothing));
        }

        if (hullQuotient is not null && hullQuotient.BandCount != model.InputCount)
        {
            throw new ArgumentException(Invariant($"The hull quotient plan has {hullQuotient.BandCount} bands; the model takes {model.InputCount}."), nameof(hullQuotient));
        }

        Version = version;
        Model = model;
        Smoothing = smoothing;
        HullQuotient = hullQuotient;
        Reject = reject;
        ClassNames = [.. classNames];
        _lineClassNames = [.. lineClassNames];
        LineRejectClass = (byte)lineRejectClass;
        Array.Fill(_lineClassOf, LineRejectClass);
        for (int k = 0; k < classNames.Count; k++)
        {
            int id = IndexOf(_lineClassNames, classNames[k]);
            if (id >= 0)
            {
                _lineClassOf[k] = (byte)id;
            }
        }
    }

    /// <summary>Gets the model version id.</summary>
    public string Version { get; }

    /// <summary>Gets the affine model (classes × bands).</summary>
    public AffineModel Model { get; }

    /// <summary>Gets the smoothing plan the model was trained with.</summary>
    public SavitzkyGolayPlan Smoothing { get; }

    /// <summary>Gets the hull quotient plan, or null when the model was trained without it.</summary>
    public HullQuotientPlan? HullQuotient { get; }

    /// <summary>Gets the reject rule (model index space).</summary>
    public PixelRejectRule Reject { get; }

    /// <summary>Gets the model's class names, one per output.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Gets the line's class names by line class id.</summary>
    public IReadOnlyList<string> LineClassNames => _lineClassNames;

    /// <summary>Gets the line's reject/unknown class id.</summary>
    public byte LineRejectClass { get; }

    /// <summary>Gets the line class id of every model index 0-255 (see the type remarks).</summary>
    public ReadOnlySpan<byte> LineClassOf => _lineClassOf;

    /// <summary>Builds the line model of a student model file (weights, preprocessing, reject rule, class names).</summary>
    /// <param name="student">The student.</param>
    /// <param name="lineClassNames">The line's class names by line class id.</param>
    /// <param name="lineRejectClass">The line's reject/unknown class id.</param>
    /// <param name="maxDeadBandFraction">See <see cref="PixelRejectRule.MaxDeadBandFraction"/>.</param>
    /// <returns>The line model.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The student does not fit (see the constructor).</exception>
    public static LineModel FromStudent(StudentModel student, IReadOnlyList<string> lineClassNames, int lineRejectClass,
        double maxDeadBandFraction = PixelRejectRule.DefaultMaxDeadBandFraction)
    {
        ArgumentNullException.ThrowIfNull(student);
        PreprocessingParameters pre = student.Preprocessing;
        var smoothing = new SavitzkyGolayPlan(pre.SavitzkyGolayWindow, pre.SavitzkyGolayOrder, pre.SavitzkyGolayDerivative);
        HullQuotientPlan? hull = pre.HullQuotient ? new HullQuotientPlan([.. student.Bands.CentersNm]) : null;
        return new LineModel(student.Version, AffineModel.Create(student.WeightMatrix, student.Bias), smoothing, hull,
            PixelRejectRule.FromStudent(student.Reject, maxDeadBandFraction), student.ClassNames, lineClassNames, lineRejectClass);
    }

    /// <summary>Builds the classifier of this model for a calibration (the camera's current dark and white references).</summary>
    /// <param name="calibration">The reflectance calibration (same band count as the model).</param>
    /// <returns>The classifier (its classes are model indices; map them with <see cref="LineClassOf"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calibration"/> is null.</exception>
    /// <exception cref="ArgumentException">The model does not fit the calibration.</exception>
    public LineClassifier Build(ReflectanceCalibration calibration) =>
        new(Version, calibration, Smoothing, HullQuotient, Model, Reject);

    /// <summary>Gets the name of a line class id ("unknown" beyond the line's classes).</summary>
    /// <param name="lineClass">A line class id.</param>
    /// <returns>The name.</returns>
    public string LineClassName(int lineClass) => (uint)lineClass < (uint)_lineClassNames.Length ? _lineClassNames[lineClass] : "unknown";

    private static int IndexOf(string[] names, string name)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
