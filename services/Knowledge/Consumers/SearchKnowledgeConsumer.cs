using MassTransit;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Search;

namespace MucGov.Knowledge.Consumers;

/// <summary>Answers the bot's <see cref="SearchKnowledge"/> requests (read-only, so no inbox needed).</summary>
public sealed class SearchKnowledgeConsumer(KnowledgeSearch search) : IConsumer<SearchKnowledge>
{
    public async Task Consume(ConsumeContext<SearchKnowledge> context)
    {
        var request = context.Message;
        var hits = await search.SearchAsync(request.Query, request.Language, Math.Clamp(request.Take, 1, 20), context.CancellationToken);
        await context.RespondAsync(new KnowledgeSearchResult(request.Query, request.Language,
            [.. hits.Select(h => new KnowledgeHit(h.ServiceId, h.Title, h.Summary, h.DepartmentId, h.Confidence, h.Kind, h.Relative))]));
    }
}
