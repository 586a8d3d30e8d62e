namespace SortLine.Spectra.Classification;

/// <content>The scalar reference of the score kernel; the vector paths call <see cref="TailSum"/> for their tail.</content>
public sealed partial class AffineClassifier
{
    /// <summary>Scores by a plain sequential float loop: sⱼ = dⱼ + Σᵢ Wⱼᵢ (xᵢ − cᵢ).</summary>
    internal void PredictScalar(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        for (int j = 0; j < ClassCount; j++)
        {
            scores[j] = _offset[j] + TailSum(j, spectrum, 0);
        }
    }

    /// <summary>Σᵢ Wⱼᵢ (xᵢ − cᵢ) over bands i ≥ <paramref name="start"/>, sequentially in float.</summary>
    private float TailSum(int j, ReadOnlySpan<float> spectrum, int start)
    {
        ReadOnlySpan<float> weights = _weights.AsSpan(j * BandCount, BandCount);
        float sum = 0f;
        for (int i = start; i < weights.Length; i++)
        {
            sum += weights[i] * (spectrum[i] - _center[i]);
        }

        return sum;
    }
}
