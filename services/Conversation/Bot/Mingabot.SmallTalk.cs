using MucGov.Conversation.Chats;

namespace MucGov.Conversation.Bot;

public sealed partial class Mingabot
{
    /// <summary>Jokes per language in the text table (<c>joke.1</c> … <c>joke.N</c>).</summary>
    public const int Jokes = 20;

    /// <summary>
    /// Small talk: its own answer from the text table, never a search or a hand-over. A joke is one not told in this
    /// chat yet, and none at all once a sensitive topic came up.
    /// </summary>
    private static BotTurn SmallTalk(string intent, string lower, string language, DialogueState state)
    {
        if (intent == Understanding.Intents.Joke)
        {
            if (state.Sensitive)
            {
                return new BotTurn(Say(language, "smalltalk.jokeDeclined") with { Understood = new(intent) }, state);
            }

            var untold = Enumerable.Range(1, Jokes).Except(state.JokesTold).ToList();
            if (untold.Count == 0)
            {
                return new BotTurn(Say(language, "smalltalk.jokesOut") with { Understood = new(intent) }, state);
            }

            var joke = untold[Random.Shared.Next(untold.Count)];
            return new BotTurn(new BotReply(T(language, $"joke.{joke}"), language) with { Understood = new(intent, Joke: true) },
                state with { JokesTold = [.. state.JokesTold, joke] });
        }

        if (intent == Understanding.Intents.Greeting)
        {
            return new BotTurn(Welcome(null, language) with { Understood = new(intent) }, state);
        }

        var key = intent switch
        {
            Understanding.Intents.Name => "smalltalk.name",
            Understanding.Intents.Creator => "smalltalk.creator",
            Understanding.Intents.Capabilities => "smalltalk.about",
            Understanding.Intents.Human => "smalltalk.human",
            Understanding.Intents.HowAreYou => "smalltalk.howAreYou",
            Understanding.Intents.Insult => "smalltalk.insult",
            Understanding.Intents.Compliment => "smalltalk.compliment",
            Understanding.Intents.Thanks => "smalltalk.thanks",
            Understanding.Intents.Goodbye => "smalltalk.goodbye",
            _ => "smalltalk.banter." + Understanding.BanterTopic(lower),
        };
        return new BotTurn(Say(language, key) with { Understood = new(intent) }, state);
    }
}
