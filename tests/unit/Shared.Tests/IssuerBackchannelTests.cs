using MucGov.Shared.Auth;
using Xunit;

namespace MucGov.Shared.Tests;

/// <summary>Back-channel calls for the public origin go to identity's internal address; everything else is left alone.</summary>
public sealed class IssuerBackchannelTests
{
    private static AuthOptions Cluster => new() { Issuer = "https://mucgov.muenchen.example/", MetadataAddress = "http://identity/.well-known/openid-configuration" };

    [Fact]
    public void Keys_and_the_token_endpoint_named_by_the_public_origin_are_fetched_from_the_internal_address()
    {
        var handler = IssuerBackchannel.For(Cluster)!;

        Assert.Equal(new Uri("http://identity/.well-known/jwks"), handler.Route(new Uri("https://mucgov.muenchen.example/.well-known/jwks")));
        Assert.Equal(new Uri("http://identity/connect/token?x=1"), handler.Route(new Uri("https://mucgov.muenchen.example/connect/token?x=1")));
    }

    [Fact]
    public void Another_origin_or_another_port_of_the_same_host_is_not_rerouted()
    {
        var handler = IssuerBackchannel.For(Cluster)!;

        Assert.Equal(new Uri("https://other.example/.well-known/jwks"), handler.Route(new Uri("https://other.example/.well-known/jwks")));
        Assert.Equal(new Uri("https://mucgov.muenchen.example:8443/x"), handler.Route(new Uri("https://mucgov.muenchen.example:8443/x")));
        Assert.Equal(new Uri("http://mucgov.muenchen.example/x"), handler.Route(new Uri("http://mucgov.muenchen.example/x")));
    }

    [Fact]
    public void Locally_the_gateway_origin_is_rerouted_to_identitys_port()
    {
        var handler = IssuerBackchannel.For(new AuthOptions { Issuer = "http://127.0.0.1:5000/", MetadataAddress = "http://127.0.0.1:5001/.well-known/openid-configuration" })!;

        Assert.Equal(new Uri("http://127.0.0.1:5001/connect/token"), handler.Route(new Uri("http://127.0.0.1:5000/connect/token")));
    }

    [Theory]
    [InlineData("https://mucgov.muenchen.example/", null)]
    [InlineData("https://mucgov.muenchen.example/", "https://mucgov.muenchen.example/.well-known/openid-configuration")]
    [InlineData("", "http://identity/.well-known/openid-configuration")]
    public void Without_an_internal_address_of_its_own_nothing_is_rerouted(string issuer, string? metadata) =>
        Assert.Null(IssuerBackchannel.For(new AuthOptions { Issuer = issuer, MetadataAddress = metadata }));
}
