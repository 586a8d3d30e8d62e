using System.Globalization;
using SortLine.Spectra.Baseline;
using SortLine.Spectra.Features;

namespace SortLine.Learning.Teacher;

/// <summary>
/// Settings of the LIBS teacher: feature extraction (<see cref="LibsFeatureExtractor"/>) and clustering
/// (<see cref="KMeansTeacher"/>). The defaults are the methods brief's values (§3): ALS λ = 1e5, p = 0.01, 10 iterations;
/// the Al/K/Li/Na/Si/Rb line table; k from knowledge (4 minerals + background).
/// </summary>
/// <remarks>
/// Every setter rejects a value outside its own range (<see cref="ArgumentOutOfRangeException"/> /
/// <see cref="ArgumentException"/>); <see cref="Validate"/> checks the rules between fields. Units are in the property
/// names (nm, σ = robust noise standard deviation of the baseline-corrected spectrum).
/// </remarks>
public sealed class TeacherOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SortLine:Learning:Teacher";

    private readonly double _alsLambda = AsymmetricLeastSquaresBaseline.DefaultLambda;
    private readonly double _alsAsymmetry = AsymmetricLeastSquaresBaseline.DefaultAsymmetry;
    private readonly int _alsIterations = AsymmetricLeastSquaresBaseline.DefaultIterations;
    private readonly IReadOnlyList<ElementLine> _lines = ElementLineTable.Default;
    private readonly double _lineHalfWindowNm = LineFeaturePlan.DefaultHalfWindowNm;
    private readonly int _lineEdgeSampleCount = 1;
    private readonly LineFeatureKind _featureKind = LineFeatureKind.Height;
    private readonly double _emissionThresholdSigma = 6.0;
    private readonly int _minEmissionChannels = 5;
    private readonly double _minLineSignalToNoise;
    private readonly ClusterCountSelection _clusterCountSelection = ClusterCountSelection.Knowledge;
    private readonly int _elbowMinClusters = 2;
    private readonly int _elbowMaxClusters = 10;
    private readonly int _kMeansMaxIterations = 300;
    private readonly double _kMeansTolerance = 1e-4;

    /// <summary>Gets the ALS smoothness λ (0 &lt; λ ≤ 1e15). Default 1e5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or outside the range.</exception>
    public double AlsLambda
    {
        get => _alsLambda;
        init => _alsLambda = InRange(value, double.Epsilon, 1e15, nameof(AlsLambda));
    }

    /// <summary>Gets the ALS asymmetry p, in (0, 1). Default 0.01 (brief: 0.001-0.05).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1).</exception>
    public double AlsAsymmetry
    {
        get => _alsAsymmetry;
        init
        {
            if (!(value > 0 && value < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(AlsAsymmetry), value, "The ALS asymmetry must lie in (0, 1).");
            }

            _alsAsymmetry = value;
        }
    }

    /// <summary>Gets the number of ALS re-weighting iterations, 1 to <see cref="AsymmetricLeastSquaresBaseline.MaxIterations"/>. Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range.</exception>
    public int AlsIterations
    {
        get => _alsIterations;
        init => _alsIterations = InRange(value, 1, AsymmetricLeastSquaresBaseline.MaxIterations, nameof(AlsIterations));
    }

    /// <summary>Gets the element lines to measure (wavelengths in nm). Default <see cref="ElementLineTable.Default"/>
    /// (Al, K, Li, Na, Si, Rb; methods brief §3.3).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, or a line has no element symbol or a non-finite wavelength.</exception>
    public IReadOnlyList<ElementLine> Lines
    {
        get => _lines;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Lines));
            if (value.Count == 0)
            {
                throw new ArgumentException("At least one element line is required.", nameof(Lines));
            }

            foreach (ElementLine line in value)
            {
                if (string.IsNullOrWhiteSpace(line.Element) || !double.IsFinite(line.WavelengthNm) || line.WavelengthNm <= 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Line '{line.Element}' at {line.WavelengthNm} nm needs an element symbol and a positive, finite wavelength."), nameof(Lines));
                }
            }

            _lines = [.. value];
        }
    }

    /// <summary>Gets the half-window around each line in nm (&gt; 0, finite). Default 0.5 nm.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double LineHalfWindowNm
    {
        get => _lineHalfWindowNm;
        init => _lineHalfWindowNm = InRange(value, double.Epsilon, double.MaxValue, nameof(LineHalfWindowNm));
    }

    /// <summary>Gets the number of window channels averaged at each window edge for the local line baseline (≥ 1). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int LineEdgeSampleCount
    {
        get => _lineEdgeSampleCount;
        init => _lineEdgeSampleCount = InRange(value, 1, int.MaxValue, nameof(LineEdgeSampleCount));
    }

    /// <summary>Gets which line measurement is the feature. Default <see cref="LineFeatureKind.Height"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public LineFeatureKind FeatureKind
    {
        get => _featureKind;
        init => _featureKind = Defined(value, nameof(FeatureKind));
    }

    /// <summary>
    /// Gets a value indicating whether lines the spectrometer does not cover (window outside its range, in a gap between
    /// stitched spectrometers, or too few channels) are dropped and reported in <see cref="LibsFeatureExtractor.DroppedLines"/>
    /// (<see langword="true"/>, the default) or make the extractor's constructor throw (<see langword="false"/>).
    /// </summary>
    public bool DropUncoveredLines { get; init; } = true;

    /// <summary>Gets the plasma test's threshold: a channel counts as emission when its baseline-corrected value exceeds
    /// the corrected spectrum's median by this many σ (&gt; 0). Default 6.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double EmissionThresholdSigma
    {
        get => _emissionThresholdSigma;
        init => _emissionThresholdSigma = InRange(value, double.Epsilon, double.MaxValue, nameof(EmissionThresholdSigma));
    }

    /// <summary>Gets the number of emission channels (see <see cref="EmissionThresholdSigma"/>) a point needs to count as
    /// a plasma (≥ 1). Default 5: more than a single hot pixel or cosmic-ray hit, less than one resolved line.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MinEmissionChannels
    {
        get => _minEmissionChannels;
        init => _minEmissionChannels = InRange(value, 1, int.MaxValue, nameof(MinEmissionChannels));
    }

    /// <summary>
    /// Gets the least total element-line signal, Σ max(heightₗ, 0) / σ over the configured lines, a plasma point needs
    /// (≥ 0). Default 0: disabled, because a background point (the belt) is a plasma without the table's lines and must
    /// reach the background cluster. Set it where the teacher should only label points that show at least one element.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double MinLineSignalToNoise
    {
        get => _minLineSignalToNoise;
        init => _minLineSignalToNoise = InRange(value, 0, double.MaxValue, nameof(MinLineSignalToNoise));
    }

    /// <summary>Gets how k is chosen. Default <see cref="ClusterCountSelection.Knowledge"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public ClusterCountSelection ClusterCountSelection
    {
        get => _clusterCountSelection;
        init => _clusterCountSelection = Defined(value, nameof(ClusterCountSelection));
    }

    /// <summary>Gets the smallest k of the elbow search (≥ 1). Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ElbowMinClusters
    {
        get => _elbowMinClusters;
        init => _elbowMinClusters = InRange(value, 1, int.MaxValue, nameof(ElbowMinClusters));
    }

    /// <summary>Gets the largest k of the elbow search (≥ <see cref="ElbowMinClusters"/>, checked by <see cref="Validate"/>). Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ElbowMaxClusters
    {
        get => _elbowMaxClusters;
        init => _elbowMaxClusters = InRange(value, 1, int.MaxValue, nameof(ElbowMaxClusters));
    }

    /// <summary>Gets the Lloyd iteration limit (≥ 1). Default 300.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int KMeansMaxIterations
    {
        get => _kMeansMaxIterations;
        init => _kMeansMaxIterations = InRange(value, 1, int.MaxValue, nameof(KMeansMaxIterations));
    }

    /// <summary>Gets the k-means relative tolerance (≥ 0; scikit-learn's <c>tol</c>). Default 1e-4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double KMeansTolerance
    {
        get => _kMeansTolerance;
        init => _kMeansTolerance = InRange(value, 0, double.MaxValue, nameof(KMeansTolerance));
    }

    /// <summary>Gets the seed of the k-means++ seeding used by the elbow search. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Checks the rules between fields.</summary>
    /// <exception cref="ArgumentException"><see cref="ElbowMaxClusters"/> &lt; <see cref="ElbowMinClusters"/>.</exception>
    public void Validate()
    {
        if (ElbowMaxClusters < ElbowMinClusters)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"ElbowMaxClusters ({ElbowMaxClusters}) must be at least ElbowMinClusters ({ElbowMinClusters})."), nameof(ElbowMaxClusters));
        }
    }

    private static double InRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be finite and in [{min}, {max}]."));
        }

        return value;
    }

    private static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]."));
        }

        return value;
    }

    private static T Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is not a defined {typeof(T).Name}.");
        }

        return value;
    }
}
