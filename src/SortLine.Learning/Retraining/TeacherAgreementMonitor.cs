using System.Globalization;

namespace SortLine.Learning.Retraining;

/// <summary>
/// Drift monitor of the distilled student: the share of the most recent LIBS points where the student's class (the
/// champion applied to the paired SWIR spectrum) equals the teacher's label, over a window of the last N pairs.
/// A falling agreement means the ore, the camera or the calibration has moved away from what the student was trained
/// on; the alarm turns on when the agreement falls below a threshold (with at least a minimum number of pairs) and off
/// when it is back at or above it.
/// </summary>
/// <remarks>
/// <para>Thread-safe. <see cref="Updated"/> is raised after every <see cref="Record"/> and <see cref="AlarmChanged"/> when the
/// alarm flips, both on the recording thread and outside the monitor's lock; handlers must be quick (they run per LIBS
/// point, e.g. to set a gauge). Recording allocates nothing.</para>
/// <para>A new champion restarts the window (<see cref="Reset"/>): agreement is a property of one model.</para>
/// </remarks>
public sealed class TeacherAgreementMonitor
{
    private readonly Lock _gate = new();
    private readonly bool[] _window;
    private int _next;
    private int _count;
    private int _agreeing;
    private bool _alarmed;
    private string? _modelVersion;

    /// <summary>Creates the monitor.</summary>
    /// <param name="windowPairs">Number of most recent pairs the agreement is computed over (≥ 1).</param>
    /// <param name="alarmBelow">The alarm is on while the agreement is below this, in [0, 1].</param>
    /// <param name="minPairs">Pairs needed in the window before the alarm can turn on, in [1, <paramref name="windowPairs"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public TeacherAgreementMonitor(int windowPairs, double alarmBelow, int minPairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowPairs, 1);
        if (!(alarmBelow >= 0 && alarmBelow <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alarmBelow), alarmBelow, "The alarm threshold must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minPairs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minPairs, windowPairs);
        _window = new bool[windowPairs];
        AlarmBelow = alarmBelow;
        MinPairs = minPairs;
    }

    /// <summary>Raised after every recorded pair with the new reading.</summary>
    public event EventHandler<TeacherAgreement>? Updated;

    /// <summary>Raised when the alarm turns on or off, with the reading that flipped it.</summary>
    public event EventHandler<TeacherAgreement>? AlarmChanged;

    /// <summary>Gets the window length in pairs.</summary>
    public int WindowPairs => _window.Length;

    /// <summary>Gets the alarm threshold, in [0, 1].</summary>
    public double AlarmBelow { get; }

    /// <summary>Gets the pairs needed before the alarm can turn on.</summary>
    public int MinPairs { get; }

    /// <summary>Gets the current reading.</summary>
    public TeacherAgreement Current
    {
        get
        {
            lock (_gate)
            {
                return Snapshot();
            }
        }
    }

    /// <summary>Gets the current agreement in [0, 1], NaN when no pair has been recorded since the last reset.</summary>
    public double Agreement => Current.Agreement;

    /// <summary>Records one paired LIBS point.</summary>
    /// <param name="studentClass">The student's class for the paired SWIR spectrum.</param>
    /// <param name="teacherClass">The teacher's label of the LIBS point.</param>
    /// <param name="modelVersion">The student version that classified it (a change of version restarts the window).</param>
    /// <exception cref="ArgumentNullException"><paramref name="modelVersion"/> is null.</exception>
    public void Record(int studentClass, int teacherClass, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(modelVersion);
        TeacherAgreement reading;
        bool flipped;
        lock (_gate)
        {
            bool wasAlarmed = _alarmed;
            if (!string.Equals(_modelVersion, modelVersion, StringComparison.Ordinal))
            {
                Clear(modelVersion);
            }

            bool agrees = studentClass == teacherClass;
            if (_count == _window.Length)
            {
                _agreeing -= _window[_next] ? 1 : 0;
            }
            else
            {
                _count++;
            }

            _window[_next] = agrees;
            _agreeing += agrees ? 1 : 0;
            _next = (_next + 1) % _window.Length;
            bool alarmed = _count >= MinPairs && (double)_agreeing / _count < AlarmBelow;
            flipped = alarmed != wasAlarmed;
            _alarmed = alarmed;
            reading = Snapshot();
        }

        Updated?.Invoke(this, reading);
        if (flipped)
        {
            AlarmChanged?.Invoke(this, reading);
        }
    }

    /// <summary>Empties the window (e.g. when a new champion takes over); an active alarm turns off.</summary>
    /// <param name="modelVersion">The version the next pairs will be classified with, or null.</param>
    public void Reset(string? modelVersion)
    {
        TeacherAgreement reading;
        bool flipped;
        lock (_gate)
        {
            flipped = _alarmed;
            Clear(modelVersion);
            reading = Snapshot();
        }

        if (flipped)
        {
            AlarmChanged?.Invoke(this, reading);
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        TeacherAgreement r = Current;
        return string.Create(CultureInfo.InvariantCulture, $"agreement {r.Agreement:P1} over {r.Count} pairs{(r.IsAlarmed ? " (ALARM)" : "")}");
    }

    private void Clear(string? modelVersion)
    {
        _next = 0;
        _count = 0;
        _agreeing = 0;
        _alarmed = false;
        _modelVersion = modelVersion;
    }

    private TeacherAgreement Snapshot() =>
        new(_count == 0 ? double.NaN : (double)_agreeing / _count, _count, _alarmed, _modelVersion);
}
