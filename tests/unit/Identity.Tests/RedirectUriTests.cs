using MucGov.Identity.Oidc;
using Xunit;

namespace MucGov.Identity.Tests;

public sealed class RedirectUriTests
{
    private const string Registered = "http://127.0.0.1/callback";

    [Theory]
    [InlineData("http://127.0.0.1:7777/callback")]
    [InlineData("http://127.0.0.1:65535/callback")]
    [InlineData("http://127.0.0.1/callback")]
    public void Registered_loopback_uri_matches_on_any_port(string requested) =>
        Assert.True(LoopbackAwareApplicationManager<object>.MatchesLoopback(Registered, requested));

    [Theory]
    [InlineData("http://localhost:7777/callback")]
    [InlineData("https://127.0.0.1:7777/callback")]
    [InlineData("http://127.0.0.2:7777/callback")]
    [InlineData("http://127.0.0.1:7777/callback/extra")]
    [InlineData("http://127.0.0.1:7777/Callback")]
    [InlineData("http://127.0.0.1:7777/callback?x=1")]
    [InlineData("http://127.0.0.1:7777/callback#frag")]
    [InlineData("http://user@127.0.0.1:7777/callback")]
    [InlineData("http://evil.example/callback")]
    public void Anything_but_the_port_must_match_exactly(string requested) =>
        Assert.False(LoopbackAwareApplicationManager<object>.MatchesLoopback(Registered, requested));

    [Fact]
    public void Registered_uri_with_a_port_is_matched_exactly_and_not_widened() =>
        Assert.False(LoopbackAwareApplicationManager<object>.MatchesLoopback("http://127.0.0.1:5000/signin-oidc", "http://127.0.0.1:5001/signin-oidc"));

    [Fact]
    public void Non_loopback_registrations_never_float() =>
        Assert.False(LoopbackAwareApplicationManager<object>.MatchesLoopback("http://buergerservice.example/callback", "http://buergerservice.example:8080/callback"));
}
