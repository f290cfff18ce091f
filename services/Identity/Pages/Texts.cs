using System.Globalization;

namespace MucGov.Identity.Pages;

/// <summary>The pages' texts in German (default) and English, picked by the request culture.</summary>
public static class Texts
{
    private static readonly Dictionary<string, (string De, string En)> All = new()
    {
        ["title"] = ("Bürgerkonto München", "Munich citizen account"),
        ["login.heading"] = ("Anmelden", "Sign in"),
        ["login.username"] = ("Benutzername oder E-Mail", "User name or e-mail"),
        ["login.password"] = ("Passwort", "Password"),
        ["login.submit"] = ("Anmelden", "Sign in"),
        ["login.invalid"] = ("Benutzername oder Passwort ist falsch.", "The user name or password is wrong."),
        ["login.wait"] = ("Zu viele Fehlversuche. Bitte warten Sie {0} Sekunden und versuchen Sie es dann noch einmal.",
            "Too many failed attempts. Please wait {0} seconds, then try again."),
        ["login.no2fa"] = ("Mitarbeiterkonten brauchen einen zweiten Faktor. Bitte wenden Sie sich an die IT.", "Staff accounts need a second factor. Please contact IT."),
        ["login.register"] = ("Noch kein Bürgerkonto? Jetzt registrieren", "No citizen account yet? Register now"),
        ["2fa.heading"] = ("Bestätigungscode", "Verification code"),
        ["2fa.code"] = ("6-stelliger Code aus Ihrer Authenticator-App", "6-digit code from your authenticator app"),
        ["2fa.submit"] = ("Bestätigen", "Confirm"),
        ["2fa.invalid"] = ("Der Code ist falsch oder abgelaufen.", "The code is wrong or has expired."),
        ["register.heading"] = ("Bürgerkonto registrieren", "Register a citizen account"),
        ["register.givenName"] = ("Vorname", "Given name"),
        ["register.familyName"] = ("Nachname", "Family name"),
        ["register.email"] = ("E-Mail", "E-mail"),
        ["register.password"] = ("Passwort (mindestens 10 Zeichen)", "Password (at least 10 characters)"),
        ["register.language"] = ("Bevorzugte Sprache", "Preferred language"),
        ["register.submit"] = ("Registrieren", "Register"),
        ["register.taken"] = ("Diese E-Mail-Adresse ist schon registriert.", "This e-mail address is already registered."),
        ["home.heading"] = ("Ihr Bürgerkonto", "Your citizen account"),
        ["home.signedInAs"] = ("Angemeldet als", "Signed in as"),
        ["home.level"] = ("Vertrauensniveau", "Level of assurance"),
        ["home.verify"] = ("Mit eID (Online-Ausweis) bestätigen", "Verify with eID (online ID card)"),
        ["logout.heading"] = ("Abmelden", "Sign out"),
        ["logout.submit"] = ("Jetzt abmelden", "Sign out now"),
        ["logout.done"] = ("Sie sind abgemeldet.", "You are signed out."),
        ["eid.heading"] = ("Identität mit eID bestätigen (Simulation)", "Verify identity with eID (simulation)"),
        ["eid.explain"] = ("Dies ist eine Simulation für Entwicklung und Tests. Im Betrieb übernimmt die BundID-Anbindung diesen Schritt.",
            "This is a simulation for development and tests. In production the BundID federation does this step."),
        ["eid.birthDate"] = ("Geburtsdatum laut Ausweis", "Date of birth on the ID card"),
        ["eid.street"] = ("Straße", "Street"),
        ["eid.houseNumber"] = ("Hausnummer", "House number"),
        ["eid.postalCode"] = ("Postleitzahl", "Postcode"),
        ["eid.city"] = ("Ort", "City"),
        ["eid.submit"] = ("Ausweis auslesen (simuliert)", "Read ID card (simulated)"),
        ["eid.done"] = ("Ihre Identität ist bestätigt (Niveau hoch).", "Your identity is verified (level high)."),
        ["error.required"] = ("Bitte ausfüllen.", "Please fill in."),
        ["error.summary"] = ("Bitte prüfen Sie Ihre Eingaben.", "Please check your entries."),
        ["language"] = ("English", "Deutsch"),
    };

    /// <summary>Text for <paramref name="key"/> in the current UI culture.</summary>
    public static string T(string key) =>
        All.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.De) : key;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The other language's culture code, for the language switch.</summary>
    public static string OtherCulture => IsEnglish ? "de" : "en";
}
