using System.Numerics;
using System.Runtime.CompilerServices;

namespace SortLine.Simulators.Internal;

/// <summary>
/// A small, fast, seedable random generator (xoshiro256** by Blackman and Vigna) with independent streams.
/// </summary>
/// <remarks>
/// Every simulator component owns its generators; none is shared across threads (this is a mutable struct:
/// pass it by <c>ref</c>). A generator is derived from (seed, stream, substream) by SplitMix64 hashing, so
/// for example each SWIR line draws from its own substream keyed by its sequence number and its noise does not
/// depend on how many lines were dropped or on thread timing. Stream ids are listed in
/// <see cref="SimulationStreams"/>.
/// </remarks>
internal struct SimulationRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates the generator for one (seed, stream, substream).</summary>
    public static SimulationRandom Create(long seed, ulong stream, long substream = 0)
    {
        ulong x = unchecked((ulong)seed);
        x = SplitMix(ref x) ^ (stream * 0x9E3779B97F4A7C15UL);
        x = SplitMix(ref x) ^ unchecked((ulong)substream * 0xD1B54A32D192ED03UL);
        var r = default(SimulationRandom);
        r._s0 = SplitMix(ref x);
        r._s1 = SplitMix(ref x);
        r._s2 = SplitMix(ref x);
        r._s3 = SplitMix(ref x);
        if ((r._s0 | r._s1 | r._s2 | r._s3) == 0)
        {
            r._s0 = 1;
        }

        return r;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [min, max).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>A uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    /// <summary>A standard normal deviate (Marsaglia's polar method; the second deviate is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>
    /// A Poisson deviate with mean <paramref name="lambda"/>: exact (Knuth's multiplication method) below
    /// 30, normal approximation N(λ, λ) rounded to an integer above (relative skewness error λ^-1/2 &lt; 0.18).
    /// </summary>
    public double NextPoisson(double lambda)
    {
        if (!(lambda > 0))
        {
            return 0;
        }

        if (lambda < 30)
        {
            double limit = Math.Exp(-lambda);
            double product = NextDouble();
            int k = 0;
            while (product > limit)
            {
                k++;
                product *= NextDouble();
            }

            return k;
        }

        return Math.Max(0, Math.Round(lambda + (Math.Sqrt(lambda) * NextGaussian())));
    }
}
