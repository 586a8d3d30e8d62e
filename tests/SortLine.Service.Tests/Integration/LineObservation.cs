using SortLine.Service.Line;

namespace SortLine.Service.Tests.Integration;

/// <summary>Event-driven waits on a running line (no polling sleeps): model activation and decision counts.</summary>
internal static class LineObservation
{
    /// <summary>Completes when the journal has recorded at least <paramref name="count"/> decisions.</summary>
    public static async Task WaitForDecisionsAsync(DecisionJournal journal, long count, TimeSpan bound)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRecorded(long n)
        {
            if (n >= count)
            {
                reached.TrySetResult();
            }
        }

        journal.DecisionRecorded += OnRecorded;
        try
        {
            if (journal.DecisionCount >= count)
            {
                return;
            }

            await reached.Task.WaitAsync(bound);
        }
        finally
        {
            journal.DecisionRecorded -= OnRecorded;
        }
    }

    /// <summary>Polls a condition every 50 ms until it holds (bounded); for state only visible through the metrics endpoint.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        using var cts = new CancellationTokenSource(bound);
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {bound} waiting for {what}.");
            }
        }
    }
}
