namespace SortLine.Service.Workers;

/// <summary>
/// Keeps enough thread-pool threads for the line's loops: raises the pool's minimum worker threads so that the
/// camera feed, the pipeline stages and the sinks always find a thread at once, whatever else in the process blocks one.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> The line's loops (camera feed, classification dispatcher and workers, particles, tap, scheduling,
/// decision fan-out and its sink lanes, the LIBS reader) are async loops on the shared thread pool. With its default
/// minimum (one thread per core, two on the reference machine) the pool's hill climbing lowers the number of threads it
/// runs work on to that minimum whenever throughput does not improve with more, and it counts a work item that blocks
/// (a synchronous wait, socket poll or disk flush of any component, the test runner's own loops) as running. Two such
/// items then take every slot: queued line work waits until the pool's starvation check adds a thread, 0.5-1 s later,
/// and the camera lines of that second arrive late and are dropped (measured on the 670 lines/s test: the pool set 2
/// threads, the process used no CPU for 690-1040 ms with 3-9 work items queued, then the catch-up burst overflowed the
/// camera edge and ran past the deadline). Below the minimum the pool creates a thread for queued work at once and hill
/// climbing never goes lower, so a floor of the line's loops plus headroom for blocked items removes those stalls.</para>
/// <para>The pool only starts threads when work is queued, so a higher minimum costs nothing while the line is idle.</para>
/// </remarks>
internal static class LineThreadPool
{
    /// <summary>Pool threads reserved beside the classification workers: the line's other loops (camera feed, dispatcher,
    /// particles, tap, scheduling, fan-out and up to four sink lanes, LIBS reader), the OPC UA and HTTP servers, and
    /// headroom for work items of any component that block.</summary>
    public const int ReservedThreads = 16;

    /// <summary>Raises the pool's minimum worker threads to <see cref="ReservedThreads"/> plus
    /// <paramref name="classificationWorkers"/> (and at least the processor count); never lowers it.</summary>
    /// <param name="classificationWorkers">The classification stage's workers (≥ 1).</param>
    /// <returns>The minimum worker threads now in force.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classificationWorkers"/> is less than 1.</exception>
    public static int Reserve(int classificationWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classificationWorkers, 1);
        int wanted = Math.Max(Environment.ProcessorCount, ReservedThreads + classificationWorkers);
        ThreadPool.GetMinThreads(out int workers, out int io);
        if (workers >= wanted)
        {
            return workers;
        }

        // SetMinThreads refuses only a value above the maximum (default 32,767) or below zero.
        return ThreadPool.SetMinThreads(wanted, io) ? wanted : workers;
    }
}
