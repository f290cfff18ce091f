using OpenIddict.Abstractions;

namespace MucGov.Identity.Oidc;

/// <summary>Ends every token and authorization of an account (closed account, new password).</summary>
public static class TokenRevocation
{
    public static async Task RevokeAllAsync(Guid accountId, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, CancellationToken ct)
    {
        await foreach (var token in tokens.FindBySubjectAsync(accountId.ToString(), ct))
        {
            await tokens.TryRevokeAsync(token, ct);
        }

        await foreach (var authorization in authorizations.FindBySubjectAsync(accountId.ToString(), ct))
        {
            await authorizations.TryRevokeAsync(authorization, ct);
        }
    }
}
