using System.Globalization;
using System.Text;
using System.Text.Json;
using SortLine.Spectra;
using SortLine.Spectra.Clustering;
using SortLine.Spectra.Scaling;

namespace SortLine.Learning.Teacher;

/// <summary>
/// An immutable snapshot of a fitted LIBS teacher: the element features it expects, the max-abs scaler, the k-means
/// centroids (in the scaled space) and the mineral each cluster names. Labels new points by nearest centroid
/// (Rocchio, methods brief §3.6) and round-trips through JSON so retraining can persist it.
/// </summary>
/// <remarks>
/// <para><b>JSON format</b> (<see cref="ToJson"/>, UTF-8, invariant culture, doubles in round-trip form):</para>
/// <code>
/// { "format": "sortline-libs-teacher", "version": 1,
///   "elements": ["Al","K",...],            // feature order, d entries
///   "minerals": ["lepidolite",...],        // class order
///   "maxAbs": [ ... d ],                   // scaler: feature / maxAbs (1 where maxAbs &lt; 10 ε)
///   "centroids": [[ ... d ], ... k],       // scaled space
///   "clusterMinerals": [0,1,...k],         // class index of each cluster
///   "trainingSampleCount": n, "inertia": x }
/// </code>
/// <para>Thread safety: immutable; <see cref="Label"/> allocates nothing for d ≤ 256 features and may run concurrently.</para>
/// </remarks>
public sealed class TeacherModel
{
    /// <summary>The value of the JSON "format" field.</summary>
    public const string FormatName = "sortline-libs-teacher";

    /// <summary>The JSON format version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int StackLimit = 256;

    private readonly string[] _elements;
    private readonly string[] _minerals;
    private readonly double[] _centroids;
    private readonly int[] _clusterMinerals;
    private readonly MaxAbsScaler _scaler;

    private TeacherModel(string[] elements, string[] minerals, MaxAbsScaler scaler, double[] centroids, int[] clusterMinerals,
        int trainingSampleCount, double inertia)
    {
        _elements = elements;
        _minerals = minerals;
        _scaler = scaler;
        _centroids = centroids;
        _clusterMinerals = clusterMinerals;
        TrainingSampleCount = trainingSampleCount;
        Inertia = inertia;
        Elements = Array.AsReadOnly(elements);
        MineralNames = Array.AsReadOnly(minerals);
    }

    /// <summary>Gets the element symbols in feature order.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>Gets the mineral (class) names in class order.</summary>
    public IReadOnlyList<string> MineralNames { get; }

    /// <summary>Gets the number of features d.</summary>
    public int FeatureCount => _elements.Length;

    /// <summary>Gets the number of clusters k.</summary>
    public int ClusterCount => _clusterMinerals.Length;

    /// <summary>Gets the per-feature maximum absolute value of the training features (feature units).</summary>
    public ReadOnlySpan<double> MaxAbs => _scaler.MaxAbs;

    /// <summary>Gets the centroids, k × d, in the scaled (dimensionless) feature space.</summary>
    public ReadOnlyMatrixSpan<double> Centroids => new(_centroids, ClusterCount, FeatureCount);

    /// <summary>Gets the class index each cluster names.</summary>
    public ReadOnlySpan<int> ClusterMinerals => _clusterMinerals;

    /// <summary>Gets the number of training points.</summary>
    public int TrainingSampleCount { get; }

    /// <summary>Gets the k-means inertia on the training points (scaled units squared).</summary>
    public double Inertia { get; }

    /// <summary>Creates a model from its parts (e.g. a fit, or values from a file).</summary>
    /// <param name="elements">Feature element symbols, d ≥ 1, non-blank and unique.</param>
    /// <param name="minerals">Class names, ≥ 1, non-blank and unique.</param>
    /// <param name="maxAbs">Scaler maxima, d values, finite and ≥ 0.</param>
    /// <param name="centroids">k × d centroids (scaled space), finite, k ≥ 1.</param>
    /// <param name="clusterMinerals">Class index of each cluster, k values in [0, minerals).</param>
    /// <param name="trainingSampleCount">Training points (≥ 0).</param>
    /// <param name="inertia">Training inertia (≥ 0, finite).</param>
    /// <returns>The model (copies of the arguments).</returns>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">A shape, name, index or value is invalid.</exception>
    public static TeacherModel Create(IReadOnlyList<string> elements, IReadOnlyList<string> minerals, ReadOnlySpan<double> maxAbs,
        ReadOnlyMatrixSpan<double> centroids, ReadOnlySpan<int> clusterMinerals, int trainingSampleCount, double inertia)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(minerals);
        string[] e = UniqueNames(elements, nameof(elements));
        string[] m = UniqueNames(minerals, nameof(minerals));
        int d = e.Length;
        if (maxAbs.Length != d)
        {
            throw new ArgumentException(Invariant($"{maxAbs.Length} scaler values for {d} features."), nameof(maxAbs));
        }

        if (centroids.Columns != d || centroids.Rows < 1)
        {
            throw new ArgumentException(Invariant($"Centroids are {centroids.Rows} × {centroids.Columns}; k ≥ 1 rows of {d} features are required."), nameof(centroids));
        }

        foreach (double v in centroids.Span)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Centroids must be finite.", nameof(centroids));
            }
        }

        if (clusterMinerals.Length != centroids.Rows)
        {
            throw new ArgumentException(Invariant($"{clusterMinerals.Length} cluster classes for {centroids.Rows} clusters."), nameof(clusterMinerals));
        }

        foreach (int c in clusterMinerals)
        {
            if (c < 0 || c >= m.Length)
            {
                throw new ArgumentException(Invariant($"Cluster class {c} is outside [0, {m.Length})."), nameof(clusterMinerals));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(trainingSampleCount);
        if (!(inertia >= 0) || !double.IsFinite(inertia))
        {
            throw new ArgumentOutOfRangeException(nameof(inertia), inertia, "The inertia must be finite and ≥ 0.");
        }

        MaxAbsScaler scaler = MaxAbsScaler.FromParameters(maxAbs);
        return new TeacherModel(e, m, scaler, centroids.Span.ToArray(), clusterMinerals.ToArray(), trainingSampleCount, inertia);
    }

    /// <summary>Scales features as the model was trained: x / maxAbs per feature.</summary>
    /// <param name="features">d raw features (from <see cref="LibsFeatureExtractor"/>).</param>
    /// <param name="scaled">Receives d scaled features.</param>
    /// <exception cref="ArgumentException">A length is not d.</exception>
    public void Scale(ReadOnlySpan<double> features, Span<double> scaled)
    {
        CheckFeatures(features.Length);
        _scaler.Transform(features, scaled);
    }

    /// <summary>Labels one point by its nearest centroid.</summary>
    /// <param name="features">d raw (unscaled) features, finite.</param>
    /// <returns>The mineral, cluster, distance and confidence (see <see cref="TeacherLabel"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="features"/> is not d long or holds NaN or ±∞.</exception>
    public TeacherLabel Label(ReadOnlySpan<double> features)
    {
        int d = FeatureCount;
        CheckFeatures(features.Length);
        foreach (double v in features)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("Features must be finite.", nameof(features));
            }
        }

        Span<double> scaled = d <= StackLimit ? stackalloc double[d] : new double[d];
        _scaler.Transform(features, scaled);
        int cluster = NearestCentroid.Find(scaled, Centroids, out double d1Squared);
        int mineral = _clusterMinerals[cluster];
        double d2Squared = double.PositiveInfinity;
        for (int j = 0; j < ClusterCount; j++)
        {
            if (_clusterMinerals[j] != mineral)
            {
                double s = 0;
                ReadOnlySpan<double> c = _centroids.AsSpan(j * d, d);
                for (int f = 0; f < d; f++)
                {
                    double t = scaled[f] - c[f];
                    s += t * t;
                }

                d2Squared = Math.Min(d2Squared, s);
            }
        }

        double d1 = Math.Sqrt(d1Squared);
        double confidence = double.IsPositiveInfinity(d2Squared) ? 1.0 : Confidence(d1, Math.Sqrt(d2Squared));
        return new TeacherLabel(mineral, cluster, d1, confidence);
    }

    /// <summary>Serialises the model (format in the type remarks).</summary>
    /// <returns>Indented UTF-8 JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            int d = FeatureCount;
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("version", FormatVersion);
            WriteStrings(w, "elements", _elements);
            WriteStrings(w, "minerals", _minerals);
            w.WriteStartArray("maxAbs");
            foreach (double v in MaxAbs)
            {
                w.WriteNumberValue(v);
            }

            w.WriteEndArray();
            w.WriteStartArray("centroids");
            for (int j = 0; j < ClusterCount; j++)
            {
                w.WriteStartArray();
                foreach (double v in _centroids.AsSpan(j * d, d))
                {
                    w.WriteNumberValue(v);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("clusterMinerals");
            foreach (int c in _clusterMinerals)
            {
                w.WriteNumberValue(c);
            }

            w.WriteEndArray();
            w.WriteNumber("trainingSampleCount", TrainingSampleCount);
            w.WriteNumber("inertia", Inertia);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not JSON, not this format or version, misses a field or has an
    /// invalid value (the message says which).</exception>
    public static TeacherModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            if (root.GetProperty("format").GetString() != FormatName)
            {
                throw new FormatException(Invariant($"Not a teacher model: format is not '{FormatName}'."));
            }

            int version = root.GetProperty("version").GetInt32();
            if (version != FormatVersion)
            {
                throw new FormatException(Invariant($"Teacher model version {version} is not supported (this code reads {FormatVersion})."));
            }

            string[] elements = [.. root.GetProperty("elements").EnumerateArray().Select(x => x.GetString() ?? string.Empty)];
            string[] minerals = [.. root.GetProperty("minerals").EnumerateArray().Select(x => x.GetString() ?? string.Empty)];
            double[] maxAbs = [.. root.GetProperty("maxAbs").EnumerateArray().Select(x => x.GetDouble())];
            var rows = root.GetProperty("centroids").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
            int d = elements.Length;
            if (rows.Any(r => r.Length != d))
            {
                throw new FormatException(Invariant($"Every centroid must have {d} values."));
            }

            double[] centroids = [.. rows.SelectMany(r => r)];
            int[] clusterMinerals = [.. root.GetProperty("clusterMinerals").EnumerateArray().Select(x => x.GetInt32())];
            return Create(elements, minerals, maxAbs, new ReadOnlyMatrixSpan<double>(centroids, rows.Length, d), clusterMinerals,
                root.GetProperty("trainingSampleCount").GetInt32(), root.GetProperty("inertia").GetDouble());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("Invalid teacher model JSON: " + e.Message, e);
        }
    }

    /// <summary>(d₂ − d₁) / (d₂ + d₁), 1 when both are 0 (a point on two coinciding centroids is not a boundary case).</summary>
    internal static double Confidence(double d1, double d2) => d1 + d2 > 0 ? (d2 - d1) / (d2 + d1) : 1.0;

    private void CheckFeatures(int length, string paramName = "features")
    {
        if (length != FeatureCount)
        {
            throw new ArgumentException(Invariant($"{length} features given; the model expects {FeatureCount} ({string.Join(", ", _elements)})."), paramName);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, string[] values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string[] UniqueNames(IReadOnlyList<string> names, string parameter)
    {
        if (names.Count == 0)
        {
            throw new ArgumentException("At least one name is required.", parameter);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException(Invariant($"Name '{name}' is blank or repeated."), parameter);
            }
        }

        return [.. names];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
