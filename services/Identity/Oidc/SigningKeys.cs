using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MucGov.Identity.Oidc;

/// <summary>
/// Loads the signing and encryption certificates. Outside Development they must be configured; in Development they
/// are created once in a folder and reused, so tokens survive restarts and several replicas agree (never ephemeral keys).
/// </summary>
public static class SigningKeys
{
    public static (X509Certificate2 Signing, X509Certificate2 Encryption) Load(KeyOptions keys, bool development)
    {
        if (keys.SigningCertificatePath is not null && keys.EncryptionCertificatePath is not null)
        {
            return (Open(keys.SigningCertificatePath, keys.SigningCertificatePassword), Open(keys.EncryptionCertificatePath, keys.EncryptionCertificatePassword));
        }

        if (!development || keys.DevelopmentDirectory is null)
        {
            throw new InvalidOperationException(
                "Token keys are required: set Oidc:Keys:SigningCertificatePath and Oidc:Keys:EncryptionCertificatePath (PKCS#12 files).");
        }

        Directory.CreateDirectory(keys.DevelopmentDirectory);
        return (OpenOrCreate(Path.Combine(keys.DevelopmentDirectory, "signing.pfx"), X509KeyUsageFlags.DigitalSignature),
            OpenOrCreate(Path.Combine(keys.DevelopmentDirectory, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment));
    }

    private static X509Certificate2 Open(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);

    private static X509Certificate2 OpenOrCreate(string path, X509KeyUsageFlags usage)
    {
        if (!File.Exists(path))
        {
            // Several replicas may start together: each writes its own file, and only the first one to link it in wins.
            var candidate = $"{path}.{Guid.NewGuid():N}.tmp";
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest($"CN=MucGov development {usage}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
                File.WriteAllBytes(candidate, certificate.Export(X509ContentType.Pkcs12));
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(candidate, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(candidate, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another replica was first: use its key.
            }
            finally
            {
                File.Delete(candidate);
            }
        }

        return Open(path, null);
    }
}
