using System.Threading.Channels;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// One pipeline stage: reads a bounded <see cref="ChannelReader{T}"/> of <typeparamref name="TIn"/>, writes a bounded
/// <see cref="ChannelWriter{T}"/> of <typeparamref name="TOut"/>, and completes its writer when it stops, passing on
/// the error (an upstream fault, its own exception or the cancellation) if there was one.
/// </summary>
/// <typeparam name="TIn">The input item type.</typeparam>
/// <typeparam name="TOut">The output item type.</typeparam>
/// <remarks>
/// A stage stops normally when its input is completed without error and drained. Run it once (<see cref="RunAsync"/>);
/// the host awaits every stage's task.
/// </remarks>
public abstract class PipelineStage<TIn, TOut>
{
    private int _started;

    /// <summary>Creates the stage.</summary>
    /// <param name="name">The stage name (the metrics <c>stage</c> label).</param>
    /// <param name="input">The input channel.</param>
    /// <param name="output">The output channel.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    protected PipelineStage(string name, ChannelReader<TIn> input, ChannelWriter<TOut> output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        Name = name;
        Input = input;
        Output = output;
    }

    /// <summary>Gets the stage name (the metrics <c>stage</c> label).</summary>
    public string Name { get; }

    /// <summary>Gets the input channel.</summary>
    protected ChannelReader<TIn> Input { get; }

    /// <summary>Gets the output channel.</summary>
    protected ChannelWriter<TOut> Output { get; }

    /// <summary>Runs the stage until its input completes (then completes the output) or it fails (then completes the output with the error and rethrows).</summary>
    /// <param name="cancellationToken">Stops the stage; the output is completed with the <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the stage has stopped.</returns>
    /// <exception cref="InvalidOperationException">The stage was already started.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"Stage '{Name}' runs once.");
        }

        Exception? error = null;
        try
        {
            await ProcessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            Output.TryComplete(error);
        }
    }

    /// <summary>Reads and processes the input until it is completed; throws on upstream errors and cancellation.</summary>
    /// <param name="cancellationToken">Stops processing.</param>
    /// <returns>A task that completes when the input is drained.</returns>
    protected abstract Task ProcessAsync(CancellationToken cancellationToken);
}
