namespace SortLine.Simulators.Belt;

/// <summary>
/// One particle's geometry: a star-convex outline (radius perturbed by low harmonics, linearly interpolated between
/// <see cref="Vertices"/> directions) stretched to an aspect ratio and rotated, plus circular grains of other minerals.
/// </summary>
/// <remarks>
/// Metres. A particle object is storage owned by one <see cref="SceneChunk"/> and is reused when the chunk's storage is
/// recycled for another stretch of belt (<see cref="Initialize"/>): between its generation and that recycling, which
/// the scene's chunk leases keep away from readers, it is immutable and safe to query from several threads.
/// </remarks>
internal sealed class Particle
{
    /// <summary>Number of outline radii.</summary>
    public const int Vertices = 24;

    private const double SectorAngle = 2 * Math.PI / Vertices;

    private static readonly double[] BoxSampleCos = SampleTable(Math.Cos);
    private static readonly double[] BoxSampleSin = SampleTable(Math.Sin);

    private readonly double[] _radii = new double[Vertices];
    private double _cos;
    private double _sin;
    private double _invScaleU;
    private double _invScaleV;
    private double _scaleU;
    private double _scaleV;
    private double _innerSquared;
    private double _outerSquared;
    private BeltBox _relativeBox;
    private Grain[] _grains = [];
    private int _grainStart;
    private int _grainCount;
    private ParticleTruth? _truth;

    /// <summary>Gets the outline radii (one per vertex direction, before stretching), m; written before <see cref="Initialize"/>.</summary>
    public Span<double> Radii => _radii;

    /// <summary>Gives the particle a new shape from <see cref="Radii"/>, centred on (0, 0), without id, grains or truth.</summary>
    public void Initialize(double rotation, double aspect, int mainMaterial, double diameter)
    {
        CentreAcross = 0;
        CentreAlong = 0;
        _cos = Math.Cos(rotation);
        _sin = Math.Sin(rotation);
        _scaleU = Math.Sqrt(aspect);
        _scaleV = 1 / _scaleU;
        _invScaleU = 1 / _scaleU;
        _invScaleV = 1 / _scaleV;
        double min = double.MaxValue;
        double max = 0;
        foreach (double r in _radii)
        {
            min = Math.Min(min, r);
            max = Math.Max(max, r);
        }

        _innerSquared = min * min;
        _outerSquared = max * max;
        InnerRadius = min * Math.Min(_scaleU, _scaleV);
        OuterRadius = max * Math.Max(_scaleU, _scaleV);
        MainMaterial = mainMaterial;
        Diameter = diameter;
        _relativeBox = ComputeRelativeBox();
        Box = Shift(_relativeBox, 0, 0);
        Id = 0;
        PlacementMark = 0;
        _grains = [];
        _grainStart = 0;
        _grainCount = 0;
        _truth = null;
    }

    /// <summary>Gets a radius within which every point is inside (belt frame), m.</summary>
    public double InnerRadius { get; private set; }

    /// <summary>Gets a radius outside which every point is outside (belt frame), m.</summary>
    public double OuterRadius { get; private set; }

    public double CentreAcross { get; private set; }

    public double CentreAlong { get; private set; }

    public int MainMaterial { get; private set; }

    public double Diameter { get; private set; }

    public BeltBox Box { get; private set; }

    public long Id { get; set; }

    /// <summary>Gets or sets a stamp the chunk generator's placement grid uses to list a particle once per query.</summary>
    public long PlacementMark { get; set; }

    public ReadOnlySpan<Grain> Grains => new(_grains, _grainStart, _grainCount);

    /// <summary>Moves the particle (placement only, before it is published).</summary>
    public void MoveTo(double across, double along)
    {
        CentreAcross = across;
        CentreAlong = along;
        Box = Shift(_relativeBox, across, along);
    }

    /// <summary>Sets which entries of the chunk's grain storage are this particle's grains (see <see cref="AttachGrainStorage"/>).</summary>
    public void SetGrainRange(int start, int count)
    {
        _grainStart = start;
        _grainCount = count;
    }

    /// <summary>Points the particle at its chunk's grain storage once all grains are added.</summary>
    public void AttachGrainStorage(Grain[] grains)
    {
        if (_grainCount == 0)
        {
            _grains = [];
            _grainStart = 0;
        }
        else
        {
            _grains = grains;
        }
    }

    /// <summary>The particle's ground truth, made on first request (its composition is estimated then) and kept until
    /// the particle is reused.</summary>
    /// <param name="materialCount">The scene's number of materials.</param>
    public ParticleTruth GetTruth(int materialCount)
    {
        ParticleTruth? truth = Volatile.Read(ref _truth);
        if (truth is not null)
        {
            return truth;
        }

        var created = new ParticleTruth(Id, MainMaterial, ParticleComposition.Estimate(this, materialCount), Box, CentreAcross, CentreAlong, Diameter);
        return Interlocked.CompareExchange(ref _truth, created, null) ?? created;
    }

    /// <summary>Whether the belt point lies inside the outline.</summary>
    public bool Contains(double across, double along)
    {
        double dx = across - CentreAcross;
        double dy = along - CentreAlong;
        double u = ((dx * _cos) + (dy * _sin)) * _invScaleU;
        double v = ((dy * _cos) - (dx * _sin)) * _invScaleV;
        double rho2 = (u * u) + (v * v);
        if (rho2 > _outerSquared)
        {
            return false;
        }

        if (rho2 <= _innerSquared)
        {
            return true;
        }

        double r = RadiusAtLocalAngle(Math.Atan2(v, u));
        return rho2 <= r * r;
    }

    /// <summary>The material at a point inside the outline: the topmost grain covering it, else the main mineral.</summary>
    public int MaterialAt(double across, double along)
    {
        ReadOnlySpan<Grain> grains = Grains;
        for (int g = grains.Length - 1; g >= 0; g--)
        {
            double dx = across - grains[g].Across;
            double dy = along - grains[g].Along;
            if ((dx * dx) + (dy * dy) <= grains[g].RadiusSquared)
            {
                return grains[g].Material;
            }
        }

        return MainMaterial;
    }

    /// <summary>Distance from the centre to the outline along a belt-frame direction.</summary>
    public double BoundaryDistance(double angle)
    {
        double cx = Math.Cos(angle);
        double cy = Math.Sin(angle);
        double u = ((cx * _cos) + (cy * _sin)) * _invScaleU;
        double v = ((cy * _cos) - (cx * _sin)) * _invScaleV;
        double norm = Math.Sqrt((u * u) + (v * v));
        return RadiusAtLocalAngle(Math.Atan2(v, u)) / norm;
    }

    /// <summary>A point on the outline pushed outward by <paramref name="margin"/> along a belt-frame direction.</summary>
    public (double Across, double Along) OutlinePoint(double angle, double margin)
    {
        double d = BoundaryDistance(angle) + margin;
        return (CentreAcross + (d * Math.Cos(angle)), CentreAlong + (d * Math.Sin(angle)));
    }

    private double RadiusAtLocalAngle(double theta)
    {
        if (theta < 0)
        {
            theta += 2 * Math.PI;
        }

        double position = theta / SectorAngle;
        int i = (int)position;
        if (i >= Vertices)
        {
            i = Vertices - 1;
        }

        double t = position - i;
        double r0 = _radii[i];
        double r1 = _radii[i + 1 == Vertices ? 0 : i + 1];
        return r0 + ((r1 - r0) * t);
    }

    private static double[] SampleTable(Func<double, double> f)
    {
        var table = new double[2 * Vertices];
        for (int k = 0; k < table.Length; k++)
        {
            table[k] = f(Math.PI * k / Vertices);
        }

        return table;
    }

    private static BeltBox Shift(BeltBox box, double across, double along) =>
        new(box.AcrossMin + across, box.AcrossMax + across, box.AlongMin + along, box.AlongMax + along);

    /// <summary>The bounding box relative to the centre.</summary>
    private BeltBox ComputeRelativeBox()
    {
        // The outline is sampled at every vertex and mid-sector direction; between samples the radius is linear in
        // angle, so the outline bulges past the sampled polygon by at most r·(1 − cos(π / 48)) ≈ 0.2 % of r, which the
        // 0.5 % pad covers.
        double minX = double.MaxValue;
        double maxX = double.MinValue;
        double minY = double.MaxValue;
        double maxY = double.MinValue;
        ReadOnlySpan<double> cos = BoxSampleCos;
        ReadOnlySpan<double> sin = BoxSampleSin;
        for (int k = 0; k < cos.Length; k++)
        {
            int i = k >> 1;
            double r = (k & 1) == 0 ? _radii[i] : 0.5 * (_radii[i] + _radii[i + 1 == Vertices ? 0 : i + 1]);
            double u = r * cos[k] * _scaleU;
            double v = r * sin[k] * _scaleV;
            double x = (u * _cos) - (v * _sin);
            double y = (u * _sin) + (v * _cos);
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }

        double pad = 0.005 * Math.Sqrt(_outerSquared) * Math.Max(_scaleU, _scaleV);
        return new BeltBox(minX - pad, maxX + pad, minY - pad, maxY + pad);
    }
}
