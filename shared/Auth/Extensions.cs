using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MucGov.Shared.Auth;

/// <summary>Registers access-token validation and the MucGov authorization policies.</summary>
public static class Extensions
{
    /// <summary>
    /// Validates bearer access tokens in this service itself: signature (keys from the identity service's JWKS, read via
    /// <c>Auth:MetadataAddress</c>), issuer (<c>Auth:Issuer</c>, the public origin), audience (<c>Auth:Audience</c>) and
    /// lifetime. Claims keep their JWT names. Refusals are 401/403 with problem+json (the service defaults' status pages).
    /// </summary>
    public static IHostApplicationBuilder AddTokenValidation(this IHostApplicationBuilder builder)
    {
        builder.AddJwtBearerValidation();
        builder.Services.Configure<AuthenticationOptions>(options => options.DefaultScheme = JwtBearerDefaults.AuthenticationScheme);
        return builder;
    }

    /// <summary>
    /// The bearer-token scheme with the settings of <c>Auth</c> and the MucGov policies, without making it the default
    /// scheme (the gateway chooses between it and the browser session per request).
    /// </summary>
    public static AuthenticationBuilder AddJwtBearerValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var authentication = builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        builder.Services.AddAuthorizationBuilder().AddMucGovPolicies();
        return authentication;
    }

    /// <summary>Adds only the authorization policies (for an app that validates tokens its own way, such as identity).</summary>
    public static IServiceCollection AddMucGovPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddMucGovPolicies();
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        var issuer = auth.Issuer.EndsWith('/') ? auth.Issuer : auth.Issuer + "/";
        jwt.Authority = issuer;
        jwt.MetadataAddress = auth.MetadataAddress ?? issuer + ".well-known/openid-configuration";
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        jwt.BackchannelHttpHandler = IssuerBackchannel.For(auth);
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidIssuer = issuer;
        jwt.TokenValidationParameters.ValidAudiences = auth.Audience.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        jwt.TokenValidationParameters.NameClaimType = MucGovClaims.Name;
        jwt.TokenValidationParameters.RoleClaimType = MucGovClaims.Role;
        jwt.TokenValidationParameters.ClockSkew = auth.ClockSkew;
        jwt.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
    }
}
