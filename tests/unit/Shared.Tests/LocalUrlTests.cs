using MucGov.Shared.ServiceDefaults;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/console")]
    [InlineData("/connect/authorize?client_id=mucgov-gateway&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fsignin-oidc")]
    public void Paths_of_this_origin_are_local(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/ /evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_a_browser_could_read_as_another_origin_is_not(string? url) => Assert.False(LocalUrl.IsLocal(url));
}
