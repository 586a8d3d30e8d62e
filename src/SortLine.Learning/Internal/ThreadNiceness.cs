using System.Runtime.InteropServices;

namespace SortLine.Learning.Internal;

/// <summary>
/// Lowers the operating-system scheduling priority of the calling thread. <see cref="Thread.Priority"/> has no effect on
/// Linux (the runtime ignores it), so training threads that must yield the cores to the line pipeline are given a
/// higher nice value instead: the kernel's fair scheduler then weights them about 10× below a nice-0 pipeline thread
/// at nice 10, without any privilege (a thread may always lower its own priority).
/// </summary>
internal static partial class ThreadNiceness
{
    /// <summary>The nice value of the retraining threads: weight 110 against 1024 for the line's threads.</summary>
    public const int Background = 10;

    private const int PriorityProcess = 0; // PRIO_PROCESS: on Linux, 'who' may be a thread id

    /// <summary>Sets the calling thread's nice value (Linux only; elsewhere nothing happens).</summary>
    /// <param name="nice">The nice value, 0 (normal) to 19 (lowest).</param>
    /// <returns>True when the kernel applied it; false on other systems or when refused (the errno is not an error
    /// for the caller: the thread keeps running at its current priority).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nice"/> is outside 0..19.</exception>
    public static bool TrySetCurrentThread(int nice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        return SetPriority(PriorityProcess, (uint)GetThreadId(), nice) == 0;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, uint who, int priority);
}
