using System.Globalization;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Training;

/// <summary>
/// One training pair of the MSKD student: the preprocessed SWIR spectrum at a LIBS point's belt place, with the
/// teacher's label for that point and where and when it was taken. Immutable; arrays are copied.
/// </summary>
/// <remarks>
/// Spectrum values are preprocessed (reflectance → Savitzky–Golay → hull quotient), dimensionless. LIBS features are
/// the max-abs scaled line intensities the teacher saw. Encoder in counts; time in UTC.
/// </remarks>
public sealed class TrainingPair
{
    /// <summary>The largest number of bands or LIBS features one record holds.</summary>
    public const int MaxValues = ushort.MaxValue;

    private readonly float[] _spectrum;
    private readonly float[] _libsFeatures;

    /// <summary>Creates and validates a training pair.</summary>
    /// <param name="spectrum">Preprocessed SWIR spectrum, 1-65535 finite values.</param>
    /// <param name="teacherLabel">Teacher class index (≥ 0).</param>
    /// <param name="teacherConfidence">Teacher confidence (finite; e.g. a soft-assignment weight in [0, 1]).</param>
    /// <param name="teacherDistance">Distance of the LIBS point to the teacher's winning centroid (finite, ≥ 0).</param>
    /// <param name="libsFeatures">LIBS line features, 0-65535 finite values.</param>
    /// <param name="encoder">Belt position of the LIBS point.</param>
    /// <param name="timestampUtc">Acquisition time (stored as UTC ticks).</param>
    /// <param name="pixel">SWIR spatial pixel (across the belt, ≥ 0).</param>
    /// <param name="line">SWIR line sequence number (along the belt, ≥ 0).</param>
    /// <param name="isEdge">Whether the point lies on a particle edge (mixed spectrum).</param>
    /// <param name="weight">Training weight (finite, ≥ 0; edge points are usually down-weighted).</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">A value is out of range or not finite.</exception>
    public TrainingPair(float[] spectrum, int teacherLabel, float teacherConfidence, float teacherDistance, float[] libsFeatures,
        EncoderPosition encoder, DateTimeOffset timestampUtc, int pixel, long line, bool isEdge, float weight)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(libsFeatures);
        if (spectrum.Length is 0 or > MaxValues)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The spectrum has {spectrum.Length} bands; 1 to {MaxValues} are allowed."), nameof(spectrum));
        }

        if (libsFeatures.Length > MaxValues)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{libsFeatures.Length} LIBS features; at most {MaxValues} are allowed."), nameof(libsFeatures));
        }

        ThrowIfNotFinite(spectrum, nameof(spectrum));
        ThrowIfNotFinite(libsFeatures, nameof(libsFeatures));
        ArgumentOutOfRangeException.ThrowIfNegative(teacherLabel);
        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        if (!float.IsFinite(teacherConfidence))
        {
            throw new ArgumentOutOfRangeException(nameof(teacherConfidence), teacherConfidence, "The confidence must be finite.");
        }

        if (!(teacherDistance >= 0 && float.IsFinite(teacherDistance)))
        {
            throw new ArgumentOutOfRangeException(nameof(teacherDistance), teacherDistance, "The distance must be finite and non-negative.");
        }

        if (!(weight >= 0 && float.IsFinite(weight)))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be finite and non-negative.");
        }

        _spectrum = (float[])spectrum.Clone();
        _libsFeatures = (float[])libsFeatures.Clone();
        TeacherLabel = teacherLabel;
        TeacherConfidence = teacherConfidence;
        TeacherDistance = teacherDistance;
        Encoder = encoder;
        TimestampUtc = timestampUtc.ToUniversalTime();
        Pixel = pixel;
        Line = line;
        IsEdge = isEdge;
        Weight = weight;
    }

    /// <summary>Gets the preprocessed SWIR spectrum.</summary>
    public ReadOnlySpan<float> Spectrum => _spectrum;

    /// <summary>Gets the teacher's class index.</summary>
    public int TeacherLabel { get; }

    /// <summary>Gets the teacher's confidence.</summary>
    public float TeacherConfidence { get; }

    /// <summary>Gets the distance to the teacher's winning centroid.</summary>
    public float TeacherDistance { get; }

    /// <summary>Gets the LIBS line features.</summary>
    public ReadOnlySpan<float> LibsFeatures => _libsFeatures;

    /// <summary>Gets the belt position of the LIBS point.</summary>
    public EncoderPosition Encoder { get; }

    /// <summary>Gets the acquisition time (UTC).</summary>
    public DateTimeOffset TimestampUtc { get; }

    /// <summary>Gets the SWIR spatial pixel (across the belt).</summary>
    public int Pixel { get; }

    /// <summary>Gets the SWIR line sequence number (along the belt).</summary>
    public long Line { get; }

    /// <summary>Gets whether the point lies on a particle edge.</summary>
    public bool IsEdge { get; }

    /// <summary>Gets the training weight.</summary>
    public float Weight { get; }

    private static void ThrowIfNotFinite(float[] values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Element {i} is {values[i]}; finite values are required."), name);
            }
        }
    }
}
