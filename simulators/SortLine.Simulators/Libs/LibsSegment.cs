namespace SortLine.Simulators.Libs;

/// <summary>One of the stitched spectrometers: a wavelength range sampled by evenly spaced channels.</summary>
/// <param name="StartNm">First channel's wavelength, nm.</param>
/// <param name="EndNm">Last channel's wavelength, nm (&gt; start).</param>
/// <param name="Channels">Number of channels (≥ 2).</param>
/// <param name="BaselineCounts">The detector's dark offset, counts.</param>
public readonly record struct LibsSegment(double StartNm, double EndNm, int Channels, double BaselineCounts);
