using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MucGov.Gateway.Bff;
using MucGov.Gateway.Data;
using MucGov.Gateway.Docs;
using MucGov.Gateway.Health;
using MucGov.Gateway.Security;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;


namespace MucGov.Gateway;

public static class Extensions
{
    /// <summary>
    /// The gateway: its own database (Data Protection keys, browser sessions), the backend-for-frontend sign-in, bearer
    /// validation, CSRF protection, rate limits, security headers, the reverse proxy and the services' health view.
    /// </summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GatewayDbContext>("Gateway");

        // The public origin is the token issuer: every request is taken as addressed to it, whatever its Host or
        // X-Forwarded-Host says, so sign-in redirects and the addresses passed on to the services name no other host.
        builder.Services.AddOptions<ServiceOptions>().Configure<IOptions<AuthOptions>>((service, auth) =>
            service.PublicOrigin ??= string.IsNullOrEmpty(auth.Value.Issuer) ? null : auth.Value.Issuer);

        // Keys in the shared database, so every replica can read every other replica's cookies.
        builder.AddDatabaseDataProtection<GatewayDbContext>("mucgov-gateway");

        builder.AddBff();
        builder.AddGatewaySecurity();
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddBffTransforms();
        builder.AddServicesHealth();
        builder.AddApiReference();
        return builder;
    }

    /// <summary>Public pages by a clean address: the accessibility statement and the chat explained in Leichte Sprache (BITV 2.0).</summary>
    private static readonly string[] PublicPages = ["barrierefreiheit", "leichte-sprache"];

    /// <summary>
    /// The citizen chat at <c>/</c>, the caseworker console at <c>/console</c>, and the public pages (<see cref="PublicPages"/>):
    /// static files, no build step.
    /// </summary>
    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        foreach (var page in PublicPages)
        {
            MapPage(app, "/" + page, page + ".html");
        }

        MapPage(app, "/console", "console.html").RequireAuthorization(Policies.Caseworker);
        return app;
    }

    /// <summary>
    /// A page of <c>wwwroot</c> at a clean address, read through the web root's file provider as the static files are: a
    /// development build runs from its output folder, which has no <c>wwwroot</c> folder of its own.
    /// </summary>
    private static RouteHandlerBuilder MapPage(WebApplication app, string path, string file) =>
        app.MapGet(path, (IWebHostEnvironment environment) =>
        {
            var page = environment.WebRootFileProvider.GetFileInfo(file);
            return page.Exists
                ? Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8", lastModified: page.LastModified)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This page is not part of this build.");
        }).ExcludeFromDescription();
}
