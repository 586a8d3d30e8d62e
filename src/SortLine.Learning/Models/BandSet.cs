using System.Globalization;
using SortLine.Sensors.Swir;

namespace SortLine.Learning.Models;

/// <summary>
/// The camera bands a student model was trained for: band centres and full widths at half maximum.
/// A model is only valid on a camera whose band centres match these within a tolerance.
/// </summary>
/// <remarks>All wavelengths in nanometres.</remarks>
public sealed class BandSet
{
    /// <summary>The default tolerance, in nm, within which two band centres are the same band.</summary>
    public const double DefaultToleranceNm = 0.5;

    private readonly double[] _centersNm;
    private readonly double[] _fwhmNm;

    /// <summary>Creates and validates a band set.</summary>
    /// <param name="centersNm">Band centres in nm: finite, strictly increasing, at least one.</param>
    /// <param name="fwhmNm">Band FWHM in nm: one per band, each finite and &gt; 0.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The arrays are empty, differ in length, or hold invalid values.</exception>
    public BandSet(IReadOnlyList<double> centersNm, IReadOnlyList<double> fwhmNm)
    {
        ArgumentNullException.ThrowIfNull(centersNm);
        ArgumentNullException.ThrowIfNull(fwhmNm);
        if (centersNm.Count == 0)
        {
            throw new ArgumentException("A band set has at least one band.", nameof(centersNm));
        }

        if (fwhmNm.Count != centersNm.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{fwhmNm.Count} FWHM values for {centersNm.Count} band centres."), nameof(fwhmNm));
        }

        for (int i = 0; i < centersNm.Count; i++)
        {
            if (!double.IsFinite(centersNm[i]) || (i > 0 && !(centersNm[i] > centersNm[i - 1])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Band centres must be finite and strictly increasing; band {i} is {centersNm[i]} nm."), nameof(centersNm));
            }

            if (!(fwhmNm[i] > 0 && double.IsFinite(fwhmNm[i])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Band {i} has FWHM {fwhmNm[i]} nm; it must be finite and positive."), nameof(fwhmNm));
            }
        }

        _centersNm = [.. centersNm];
        _fwhmNm = [.. fwhmNm];
    }

    /// <summary>Gets the band centres in nm.</summary>
    public IReadOnlyList<double> CentersNm => _centersNm;

    /// <summary>Gets the band FWHM in nm.</summary>
    public IReadOnlyList<double> FwhmNm => _fwhmNm;

    /// <summary>Gets the number of bands.</summary>
    public int Count => _centersNm.Length;

    /// <summary>The band set a camera delivers.</summary>
    /// <param name="camera">The camera description.</param>
    /// <returns>Its band centres and FWHM.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="camera"/> is null.</exception>
    public static BandSet FromCamera(SwirCameraInfo camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new BandSet(camera.BandCentersNm, camera.BandFwhmNm);
    }

    /// <summary>
    /// Checks that a camera's bands are the bands this set describes: same count and every centre within
    /// <paramref name="toleranceNm"/>. FWHM is not compared (it drifts with the optics, the centres define the bands).
    /// </summary>
    /// <param name="camera">The bands the camera delivers now.</param>
    /// <param name="toleranceNm">Largest allowed centre difference in nm (finite, ≥ 0).</param>
    /// <returns>Null when compatible, otherwise the reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="camera"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toleranceNm"/> is negative or not finite.</exception>
    public string? FindIncompatibility(BandSet camera, double toleranceNm = DefaultToleranceNm)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (!(toleranceNm >= 0 && double.IsFinite(toleranceNm)))
        {
            throw new ArgumentOutOfRangeException(nameof(toleranceNm), toleranceNm, "The tolerance must be finite and non-negative.");
        }

        if (camera.Count != Count)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the model was trained for {Count} bands but the camera delivers {camera.Count}");
        }

        for (int i = 0; i < Count; i++)
        {
            double difference = Math.Abs(camera._centersNm[i] - _centersNm[i]);
            if (!(difference <= toleranceNm))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"band {i} is centred at {_centersNm[i]} nm in the model but at {camera._centersNm[i]} nm on the camera (difference {difference:G4} nm exceeds the tolerance {toleranceNm} nm)");
            }
        }

        return null;
    }
}
