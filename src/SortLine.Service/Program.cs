using SortLine.Service.Hosting;

return await SortLineHost.RunAsync(args).ConfigureAwait(false);
