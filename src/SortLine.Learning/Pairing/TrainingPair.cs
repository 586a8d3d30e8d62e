using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Pairing;

/// <summary>
/// One distillation sample (methods brief §4): the SWIR spectrum at a LIBS point's registered position and the LIBS
/// teacher's label for it. A plain record meant to be copied into the training buffer as is.
/// </summary>
/// <param name="Spectrum">The preprocessed SWIR spectrum of the paired pixel (bands; units of the line preprocessing,
/// e.g. hull quotient). Owned by the pair.</param>
/// <param name="Label">The teacher's class index (<see cref="Teacher.TeacherModel.MineralNames"/> order).</param>
/// <param name="Confidence">The teacher's confidence, [0, 1] (<see cref="Teacher.TeacherLabel.Confidence"/>).</param>
/// <param name="Features">The LIBS element features the teacher labelled (raw, unscaled). Owned by the pair.</param>
/// <param name="SwirEncoder">Belt position of the SWIR line the spectrum came from.</param>
/// <param name="LibsEncoder">Belt position at the LIBS shot.</param>
/// <param name="LibsTimestamp">The LIBS shot's timestamp (ticks of the source's <see cref="TimeProvider"/>).</param>
/// <param name="Pixel">The SWIR pixel column the spectrum came from.</param>
/// <param name="IsEdge">Whether the pixel's neighbourhood straddles a particle edge (see <see cref="PairBuilder"/>).</param>
/// <param name="Weight">Training weight: 1, or <see cref="PairingOptions.EdgeWeight"/> for edge pairs.</param>
public sealed record TrainingPair(
    float[] Spectrum,
    int Label,
    double Confidence,
    double[] Features,
    EncoderPosition SwirEncoder,
    EncoderPosition LibsEncoder,
    long LibsTimestamp,
    int Pixel,
    bool IsEdge,
    double Weight);
