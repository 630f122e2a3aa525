using Almanac.Hosting;
using Almanac.Web.Infrastructure;

namespace Almanac.Web.Knowledge;

/// <summary>
/// Looks at the data folder every few seconds and loads it into the store when it changed, and at
/// the store, so that imports made by another process are served without a restart.
/// </summary>
internal sealed partial class DataRefreshService(KnowledgeHost host, WebSettings settings, TimeProvider clock, ILogger<DataRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.RefreshInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                host.Refresh();
            }
            catch (WorkspaceException e)
            {
                // Invalid data files leave the store as it was; the site keeps serving it.
                LogRefreshFailed(logger, e.Message);
            }

            try
            {
                host.NoticeStoreChanges();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or Storage.StoreException)
            {
                // Another process holding the store's write lock: look again at the next tick.
                LogStoreUnreadable(logger, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "data files not loaded: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "store not read for changes this time: {Reason}")]
    private static partial void LogStoreUnreadable(ILogger logger, string reason);
}
