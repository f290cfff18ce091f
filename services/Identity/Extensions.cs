using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MucGov.Identity.Accounts;
using MucGov.Identity.Apis;
using MucGov.Identity.Consumers;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Identity.Oidc;
using MucGov.Identity.Postfach;
using MucGov.Identity.Seed;
using MucGov.Identity.Staff;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MucGov.Identity;

public static class Extensions
{
    /// <summary>Policy of the profile API: a token of this server with scope <c>buergerkonto</c>.</summary>
    public const string ProfilePolicy = "profile";

    /// <summary>The identity service: accounts, the OIDC server, pages, profile API and its messages.</summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AccountDbContext>("Identity");
        builder.AddServiceMessaging<AccountDbContext>("identity", bus =>
        {
            bus.AddConsumer<GetCitizenProfileConsumer>();
            bus.AddConsumer<PostfachMessageSubmittedConsumer>();
            bus.AddConsumer<GetStaffMemberConsumer>();
            bus.AddConsumer<CaseTransferredMailConsumer>();
            bus.AddConsumer<CaseAssignedMailConsumer>();
            bus.AddConsumer<CaseSlaBreachedMailConsumer>();
        });
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);

        builder.AddAccounts();
        builder.AddMail();
        builder.AddOidcServer();
        builder.Services.AddSingleton<ClientRegistration>();
        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddSingleton<IdentityStartup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdentityStartup>());
        builder.Services.AddHealthChecks().AddCheck<IdentityStartupCheck>("oidc-clients", tags: [Shared.ServiceDefaults.Extensions.ReadyTag]);

        builder.Services.AddRazorPages();
        builder.Services.AddLocalization();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ProfilePolicy, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireScope("buergerkonto")
                .RequireClaim(MucGovClaims.Subject));
        return builder;
    }

    private static void AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<Account>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); lockout against guessing.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // No lockout (anyone could lock anyone out): SignInThrottle slows guessing down instead.
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<AccountDbContext>()
            .AddUserManager<AccountManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticator>(OneTimeAuthenticator.Name)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);
        builder.Services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticator.Name;
            options.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
        });
        builder.Services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SignInThrottle>();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Cookie.Name = "mucgov.account";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
            cookie.SlidingExpiration = true;
        });

        // Cookies and antiforgery tokens readable by every replica.
        builder.AddDatabaseDataProtection<AccountDbContext>("mucgov-identity");
    }

    /// <summary>The mail outbox and its sender, the Postfach notifications, the signed links of the mails.</summary>
    private static void AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Mails>();
        builder.Services.AddScoped<PostfachNotifications>();
        builder.Services.AddScoped<StaffNotifications>();
        builder.Services.AddHostedService<SlaBreachDigest>();
        builder.Services.AddSingleton<UnsubscribeLinks>();
        builder.Services.AddHostedService<MailDispatcher>();
        builder.Services.AddHealthChecks().AddCheck<MailHealthCheck>("mail", tags: [Shared.ServiceDefaults.Extensions.ReadyTag]);

        // Verification and reset links: signed with the Data Protection keys, bound to the account's security stamp, expiring.
        builder.Services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<MailOptions>>((tokens, mail) =>
            tokens.TokenLifespan = mail.Value.VerificationLinkLifetime);
        builder.Services.AddOptions<PasswordResetTokenProviderOptions>().Configure<IOptions<MailOptions>>((tokens, mail) =>
        {
            tokens.Name = PasswordResetTokenProvider.ProviderName;
            tokens.TokenLifespan = mail.Value.PasswordResetLinkLifetime;
        });
    }

    private static void AddOidcServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<AccountDbContext>();
                core.ReplaceApplicationManager(typeof(LoopbackAwareApplicationManager<>));
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetEndSessionEndpointUris("connect/endsession");
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. ApiScopes.Standard, .. ApiScopes.Audiences.Keys]);
                // Signed, not encrypted: every service validates access tokens itself with the published keys.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences("identity");
            });

        // Issuer, lifetimes and keys come from validated settings, read when resolved (so every configuration source counts).
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<OidcOptions>, IHostEnvironment>((server, oidc, environment) =>
        {
            var settings = oidc.Value;
            server.Issuer = new Uri(settings.Issuer.EndsWith('/') ? settings.Issuer : settings.Issuer + "/");
            server.AccessTokenLifetime = settings.AccessTokenLifetime;
            server.IdentityTokenLifetime = settings.IdentityTokenLifetime;
            server.AuthorizationCodeLifetime = settings.AuthorizationCodeLifetime;
            server.RefreshTokenLifetime = settings.RefreshTokenLifetime;
            server.RefreshTokenReuseLeeway = settings.RefreshTokenReuseLeeway;
            server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
            var (signing, encryption) = SigningKeys.Load(settings.Keys, environment.IsDevelopment() || environment.IsEnvironment("Testing"));
            server.SigningCredentials.Add(new X509SigningCredentials(signing));
            server.EncryptionCredentials.Add(new X509EncryptingCredentials(encryption));
        });
        builder.Services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IOptions<OidcOptions>>((aspnet, oidc) =>
            aspnet.DisableTransportSecurityRequirement = !oidc.Value.RequireHttps);
    }

    /// <summary>Pages, OIDC endpoints and the profile API.</summary>
    public static WebApplication MapIdentityService(this WebApplication app)
    {
        // The pages speak every supported language but Bavarian (which reads German): ?culture=tr&ui-culture=tr, a cookie or Accept-Language.
        string[] cultures = [.. MucGov.Identity.Pages.Texts.PageLanguages.Select(l => l.Code)];
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("de")
            .AddSupportedCultures(cultures)
            .AddSupportedUICultures(cultures));
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapConnectEndpoints();
        app.MapProfileApi();
        app.MapPostfachApi();
        return app;
    }
}
