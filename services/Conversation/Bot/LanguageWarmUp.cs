namespace MucGov.Conversation.Bot;

/// <summary>Loads the language models in the background at start, so the first citizen does not wait for them.</summary>
internal sealed class LanguageWarmUp : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(Language.WarmUp, stoppingToken);
}
