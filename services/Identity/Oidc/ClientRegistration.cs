using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MucGov.Identity.Oidc;

/// <summary>The API scopes and the audiences (resources) they stand for: the design's scope → audience table.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyDictionary<string, string> Audiences = new Dictionary<string, string>
    {
        ["conversation"] = "conversation",
        ["cases"] = "ticket",
        ["queue"] = "ticket",
        ["knowledge.edit"] = "knowledge",
        ["buergerkonto"] = "identity",
    };

    /// <summary>Scopes only staff accounts may obtain.</summary>
    public static readonly IReadOnlySet<string> StaffOnly = new HashSet<string> { "queue", "knowledge.edit" };

    public static readonly string[] Standard = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Address, Scopes.Phone, Scopes.OfflineAccess];
}

/// <summary>Creates or updates the configured clients and the API scopes, so configuration is the source of truth.</summary>
public sealed partial class ClientRegistration(
    IServiceScopeFactory scopes,
    IOptions<OidcOptions> options,
    ILogger<ClientRegistration> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var scopeManager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();

        foreach (var (name, audience) in ApiScopes.Audiences)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = name, Resources = { audience } };
            var existing = await scopeManager.FindByNameAsync(name, cancellationToken);
            if (existing is null)
            {
                await scopeManager.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await scopeManager.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }

        foreach (var (clientId, client) in options.Value.Clients)
        {
            var descriptor = Describe(clientId, client);
            var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }

            LogRegistered(clientId, client.Type);
        }
    }

    public static OpenIddictApplicationDescriptor Describe(string clientId, ClientOptions client)
    {
        var confidential = client.Type == ClientTypes.Confidential;
        if (confidential && string.IsNullOrEmpty(client.ClientSecret))
        {
            throw new IdentityConfigurationException($"The confidential client '{clientId}' needs Oidc:Clients:{clientId}:ClientSecret.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = confidential ? client.ClientSecret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit, // first-party clients of the city only
            DisplayName = string.IsNullOrEmpty(client.DisplayName) ? clientId : client.DisplayName,
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        foreach (var grant in client.GrantTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
        }

        if (client.GrantTypes.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        if (confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
            descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        }
        else
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        }

        foreach (var scope in client.Scopes.Where(s => s != Scopes.OpenId))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        return descriptor;
    }

    [LoggerMessage(LogLevel.Information, "OIDC client {ClientId} ({Type}) registered")]
    private partial void LogRegistered(string clientId, string type);
}
