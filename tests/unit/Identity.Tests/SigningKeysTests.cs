using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MucGov.Identity.Oidc;
using Xunit;

namespace MucGov.Identity.Tests;

public sealed class SigningKeysTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mucgov-keys-").FullName;

    private string Pfx(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    [Fact]
    public void Configured_certificates_are_loaded_with_their_passwords()
    {
        var keys = new KeyOptions
        {
            SigningCertificatePath = Pfx("signing", "s3cret"),
            SigningCertificatePassword = "s3cret",
            EncryptionCertificatePath = Pfx("encryption", "0ther"),
            EncryptionCertificatePassword = "0ther",
        };

        var (signing, encryption) = SigningKeys.Load(keys, development: false);

        Assert.Equal("CN=signing", signing.Subject);
        Assert.True(signing.HasPrivateKey);
        Assert.Equal("CN=encryption", encryption.Subject);
    }

    [Fact]
    public void Outside_development_missing_certificates_stop_the_service() =>
        Assert.Throws<InvalidOperationException>(() => SigningKeys.Load(new KeyOptions { DevelopmentDirectory = folder }, development: false));

    [Fact]
    public void Development_keys_are_created_once_and_reused()
    {
        var keys = new KeyOptions { DevelopmentDirectory = Path.Combine(folder, "dev") };

        var first = SigningKeys.Load(keys, development: true);
        var second = SigningKeys.Load(keys, development: true);

        Assert.Equal(first.Signing.Thumbprint, second.Signing.Thumbprint);
        Assert.Equal(first.Encryption.Thumbprint, second.Encryption.Thumbprint);
        Assert.NotEqual(first.Signing.Thumbprint, first.Encryption.Thumbprint);
    }

    [Fact]
    public void Replicas_starting_together_end_up_with_the_same_key()
    {
        var keys = new KeyOptions { DevelopmentDirectory = Path.Combine(folder, "race") };

        var thumbprints = Enumerable.Range(0, 8).AsParallel().Select(_ => SigningKeys.Load(keys, development: true).Signing.Thumbprint).Distinct().ToList();

        Assert.Single(thumbprints);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
