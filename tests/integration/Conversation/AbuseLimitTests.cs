using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

/// <summary>The conversation service's own abuse limits: new anonymous chats per address, live streams per chat and per address.</summary>
public sealed class AbuseLimitTests(LimitsFixture conversation) : IClassFixture<LimitsFixture>
{
    [Fact]
    public async Task Anonymous_chats_from_one_address_burst_to_the_limit_then_refill_over_time()
    {
        using var client = conversation.Client();

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            burst.Add((await client.PostAsync("/api/conversations", null)).StatusCode);
        }

        var refused = await client.PostAsync("/api/conversations", null);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the bucket's refill period: the behaviour under test is time
        var refilled = await client.PostAsync("/api/conversations", null);
        using var anna = conversation.Client(await conversation.CitizenTokenAsync("anna.huber"));
        var signedIn = await anna.PostAsync("/api/conversations", null);

        Assert.Equal(3, burst.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(429, (await Hosting.Apps.ProblemAsync(refused)).GetProperty("status").GetInt32());
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.Created, refilled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, signedIn.StatusCode);
    }

    [Fact]
    public async Task Live_streams_are_capped_per_chat_and_per_address_and_a_closed_one_frees_its_place()
    {
        using var sepp = conversation.Client(await conversation.CitizenTokenAsync("sepp.brandl"));
        var first = (await (await sepp.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var second = (await (await sepp.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<HttpResponseMessage> OpenAsync(Guid chat) =>
            await sepp.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{chat}/events"), HttpCompletionOption.ResponseHeadersRead);

        var a1 = await OpenAsync(first);
        var a2 = await OpenAsync(first);
        var a3 = await OpenAsync(first);
        var b1 = await OpenAsync(second);
        var b2 = await OpenAsync(second);
        a1.Dispose();
        var freed = await Eventually(() => OpenAsync(second));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a2.StatusCode, b1.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, a3.StatusCode);
        await Hosting.Apps.ProblemAsync(a3);
        Assert.Equal(HttpStatusCode.TooManyRequests, b2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        foreach (var open in new[] { a2, a3, b1, b2, freed })
        {
            open.Dispose();
        }
    }

    /// <summary>A closed stream frees its place once the server notices the client went away.</summary>
    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> open)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await open();
            if (response.StatusCode != HttpStatusCode.TooManyRequests || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200);
        }
    }
}
