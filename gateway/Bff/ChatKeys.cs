using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MucGov.Gateway.Bff;

/// <summary>
/// The access keys of a browser's anonymous chats, kept by the gateway in an encrypted HttpOnly cookie (readable by
/// every replica through the shared Data Protection keys), so the page's script never holds them.
/// </summary>
public sealed class ChatKeys(IDataProtectionProvider protection, IOptions<BffOptions> options)
{
    public const string Cookie = "mucgov.chats";

    private readonly IDataProtector protector = protection.CreateProtector("mucgov.gateway.chat-keys");

    public string? KeyOf(HttpContext context, Guid conversation) =>
        Read(context).TryGetValue(conversation.ToString(), out var key) ? key : null;

    public void Remember(HttpContext context, Guid conversation, string key)
    {
        var keys = Read(context);
        keys.Remove(conversation.ToString());
        keys[conversation.ToString()] = key;
        while (keys.Count > options.Value.MaxAnonymousChats)
        {
            keys.Remove(keys.Keys.First());
        }

        context.Response.Cookies.Append(Cookie, protector.Protect(JsonSerializer.Serialize(keys)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = options.Value.SecureCookies,
            Path = "/",
            MaxAge = TimeSpan.FromDays(30),
        });
    }

    private Dictionary<string, string> Read(HttpContext context)
    {
        if (context.Request.Cookies[Cookie] is not { } value)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(value)) ?? [];
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return [];
        }
    }
}
