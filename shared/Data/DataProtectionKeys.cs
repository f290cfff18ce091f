using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MucGov.Shared.Data;

/// <summary>Settings of the <c>DataProtection</c> section: how the key ring is protected at rest.</summary>
public sealed class DataProtectionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "DataProtection";

    /// <summary>
    /// A PKCS#12 certificate (in Kubernetes a file mounted from a Secret) that encrypts the keys stored in the database;
    /// unset: the keys are stored as they are (local runs), readable by whoever reads the database.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate file's password.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Earlier certificates whose keys can still be read after a rotation (each path, password after a <c>|</c>).</summary>
    public string[] PreviousCertificates { get; set; } = [];

    /// <summary>The current certificate first, then the previous ones; none when no certificate is configured.</summary>
    public IReadOnlyList<X509Certificate2> Load() =>
        string.IsNullOrWhiteSpace(CertificatePath)
            ? []
            : [X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword),
                .. PreviousCertificates.Select(p => p.Split('|', 2)).Select(p => X509CertificateLoader.LoadPkcs12FromFile(p[0], p.Length > 1 ? p[1] : null))];
}

/// <summary>The Data Protection key ring of an app with replicas: in its own database, encrypted at rest when configured.</summary>
public static class DataProtectionKeys
{
    /// <summary>
    /// Keeps the key ring (cookies, antiforgery tokens, protected payloads) in <typeparamref name="TContext"/>, so every
    /// replica reads what another protected, under the application name <paramref name="application"/>. With
    /// <c>DataProtection:CertificatePath</c> set, new keys are stored encrypted with that certificate, and keys of it and
    /// of <c>DataProtection:PreviousCertificates</c> are read. The settings are read when the key ring is first used.
    /// </summary>
    public static IDataProtectionBuilder AddDatabaseDataProtection<TContext>(this IHostApplicationBuilder builder, string application)
        where TContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddOptions<DataProtectionOptions>().BindConfiguration(DataProtectionOptions.Section);
        builder.Services.AddSingleton<KeyRingCertificates>();
        builder.Services.AddOptions<KeyManagementOptions>().Configure<KeyRingCertificates>((keys, certificates) =>
        {
            if (certificates.All is [var current, ..])
            {
                keys.XmlEncryptor = new CertificateKeyEncryptor(current);
            }
        });
        return builder.Services.AddDataProtection().SetApplicationName(application).PersistKeysToDbContext<TContext>();
    }
}

/// <summary>The configured key ring certificates, loaded once.</summary>
public sealed class KeyRingCertificates(IOptions<DataProtectionOptions> options)
{
    private readonly Lazy<IReadOnlyList<X509Certificate2>> all = new(() => options.Value.Load());

    /// <summary>The current certificate first, then the previous ones.</summary>
    public IReadOnlyList<X509Certificate2> All => all.Value;
}

/// <summary>Encrypts a key with the certificate's public key (XML Encryption, as the framework's certificate encryptor).</summary>
public sealed class CertificateKeyEncryptor(X509Certificate2 certificate) : IXmlEncryptor
{
    /// <inheritdoc />
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(plaintextElement.CreateReader());
        var encrypted = new EncryptedXml().Encrypt(document.DocumentElement!, certificate);
        return new EncryptedXmlInfo(XElement.Parse(encrypted.GetXml().OuterXml), typeof(CertificateKeyDecryptor));
    }
}

/// <summary>Decrypts a key with whichever configured certificate it was encrypted for (found by the framework by name).</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <inheritdoc />
    public XElement Decrypt(XElement encryptedElement)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new WithCertificates(document, services.GetRequiredService<KeyRingCertificates>().All).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.FirstChild!.OuterXml);
    }

    private sealed class WithCertificates(XmlDocument document, IReadOnlyList<X509Certificate2> certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var data in encryptedKey.KeyInfo.OfType<KeyInfoX509Data>())
            {
                foreach (var named in data.Certificates?.OfType<X509Certificate2>() ?? [])
                {
                    if (certificates.FirstOrDefault(c => c.Thumbprint == named.Thumbprint)?.GetRSAPrivateKey() is { } key)
                    {
                        return DecryptKey(encryptedKey.CipherData.CipherValue!, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
                    }
                }
            }

            throw new InvalidOperationException("The key ring's key was encrypted with a certificate that is not configured (DataProtection:PreviousCertificates).");
        }
    }
}
