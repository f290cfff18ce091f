using System.Globalization;
using MucGov.Shared.Languages;

namespace MucGov.Identity.Pages;

/// <summary>The pages' texts in every supported language (German the default), picked by the request culture.</summary>
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
        ["register.sent"] = ("Fast geschafft: Wir haben eine E-Mail an {0} geschickt. Bitte bestätigen Sie Ihre Adresse über den Link darin; danach können Sie sich anmelden.",
            "Almost done: we sent an e-mail to {0}. Please confirm your address with the link in it; then you can sign in."),
        ["login.unconfirmed"] = ("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse. Wir haben Ihnen den Link (noch einmal) geschickt.",
            "Please confirm your e-mail address first. We have sent you the link (again)."),
        ["login.forgot"] = ("Passwort vergessen?", "Forgot your password?"),
        ["confirm.heading"] = ("E-Mail-Adresse bestätigen", "Confirm e-mail address"),
        ["confirm.done"] = ("Ihre E-Mail-Adresse ist bestätigt.", "Your e-mail address is confirmed."),
        ["confirm.invalid"] = ("Der Link ist ungültig oder abgelaufen. Melden Sie sich an, dann schicken wir Ihnen einen neuen.",
            "The link is not valid or has expired. Sign in and we will send you a new one."),
        ["confirm.signin"] = ("Jetzt anmelden", "Sign in now"),
        ["forgot.heading"] = ("Passwort vergessen", "Forgot password"),
        ["forgot.explain"] = ("Geben Sie die E-Mail-Adresse Ihres Bürgerkontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.",
            "Enter the e-mail address of your citizen account. We will send you a link to set a new password."),
        ["forgot.submit"] = ("Link schicken", "Send link"),
        ["forgot.sent"] = ("Wenn es zu dieser Adresse ein Bürgerkonto gibt, haben wir einen Link dorthin geschickt. Er gilt {0} Minuten.",
            "If there is a citizen account for this address, we sent a link there. It works for {0} minutes."),
        ["reset.heading"] = ("Neues Passwort festlegen", "Set a new password"),
        ["reset.password"] = ("Neues Passwort (mindestens 10 Zeichen)", "New password (at least 10 characters)"),
        ["reset.submit"] = ("Passwort speichern", "Save password"),
        ["reset.done"] = ("Ihr Passwort ist geändert. Bis zur nächsten Prüfung mit dem Online-Ausweis gilt Ihr Konto als Vertrauensniveau „basic“.",
            "Your password is changed. Until you verify with your online ID card again, your account counts as level of assurance \"basic\"."),
        ["reset.invalid"] = ("Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.", "The link is not valid or has expired. Please ask for a new one."),
        ["postfach.heading"] = ("Postfach", "Postfach (mailbox)"),
        ["postfach.empty"] = ("Ihr Postfach ist leer.", "Your Postfach is empty."),
        ["postfach.unread"] = ("ungelesen", "unread"),
        ["postfach.from"] = ("Von", "From"),
        ["postfach.reference"] = ("Aktenzeichen", "Reference"),
        ["postfach.received"] = ("Eingegangen", "Received"),
        ["postfach.document"] = ("Dokument herunterladen", "Download the document"),
        ["postfach.delete"] = ("Nachricht löschen", "Delete message"),
        ["postfach.deleted"] = ("Die Nachricht ist gelöscht.", "The message was deleted."),
        ["postfach.back"] = ("Zurück zum Postfach", "Back to the Postfach"),
        ["postfach.link"] = ("Postfach ({0} ungelesen)", "Postfach ({0} unread)"),
        ["home.email"] = ("E-Mail", "E-mail"),
        ["home.emailVerified"] = ("bestätigt", "confirmed"),
        ["home.emailUnverified"] = ("nicht bestätigt", "not confirmed"),
        ["home.emailPending"] = ("Neue Adresse wartet auf Bestätigung", "New address awaiting confirmation"),
        ["home.notify"] = ("Per E-Mail über neue Nachrichten im Postfach benachrichtigen", "Tell me by e-mail about new messages in my Postfach"),
        ["home.notifyHint"] = ("Die E-Mail enthält nie den Inhalt der Nachricht, nur den Hinweis, sich anzumelden.",
            "The e-mail never contains the message itself, only a note to sign in."),
        ["home.save"] = ("Einstellung speichern", "Save setting"),
        ["home.saved"] = ("Gespeichert.", "Saved."),
        ["unsubscribe.heading"] = ("E-Mail-Benachrichtigungen abbestellen", "Unsubscribe from e-mail notifications"),
        ["unsubscribe.explain"] = ("Sie erhalten dann keine E-Mails mehr über neue Nachrichten. Die Nachrichten selbst kommen weiter in Ihr Postfach.",
            "You will get no more e-mails about new messages. The messages themselves still arrive in your Postfach."),
        ["unsubscribe.submit"] = ("Abbestellen", "Unsubscribe"),
        ["unsubscribe.done"] = ("Abbestellt. In Ihrem Bürgerkonto können Sie Benachrichtigungen wieder einschalten.",
            "Unsubscribed. You can switch notifications on again in your citizen account."),
        ["unsubscribe.invalid"] = ("Dieser Link ist ungültig.", "This link is not valid."),
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
        ["languages"] = ("Sprache", "Language"),
    };

    // The other supported languages' texts; a key a language lacks is shown in English (Bavarian: in German).
    private static readonly Dictionary<string, Dictionary<string, string>> Translated = new(StringComparer.Ordinal)
    {
        ["tr"] = new()
        {
            ["title"] = "Münih vatandaş hesabı (Bürgerkonto)", ["login.heading"] = "Giriş yap", ["login.username"] = "Kullanıcı adı veya e-posta",
            ["login.password"] = "Şifre", ["login.submit"] = "Giriş yap", ["login.invalid"] = "Kullanıcı adı veya şifre yanlış.",
            ["login.wait"] = "Çok fazla hatalı deneme. Lütfen {0} saniye bekleyip tekrar deneyin.",
            ["login.no2fa"] = "Personel hesapları ikinci bir doğrulama adımı gerektirir. Lütfen BT birimine başvurun.",
            ["login.register"] = "Henüz vatandaş hesabınız yok mu? Şimdi kaydolun", ["2fa.heading"] = "Doğrulama kodu",
            ["2fa.code"] = "Doğrulama uygulamanızdaki 6 haneli kod", ["2fa.submit"] = "Onayla", ["2fa.invalid"] = "Kod yanlış veya süresi dolmuş.",
            ["register.heading"] = "Vatandaş hesabı oluştur", ["register.givenName"] = "Ad", ["register.familyName"] = "Soyad", ["register.email"] = "E-posta",
            ["register.password"] = "Şifre (en az 10 karakter)", ["register.language"] = "Tercih edilen dil", ["register.submit"] = "Kaydol",
            ["home.heading"] = "Vatandaş hesabınız", ["home.signedInAs"] = "Giriş yapan",
            ["home.level"] = "Güven düzeyi", ["home.verify"] = "eID (çevrimiçi kimlik) ile doğrula", ["logout.heading"] = "Çıkış yap",
            ["logout.submit"] = "Şimdi çıkış yap", ["logout.done"] = "Çıkış yaptınız.", ["eid.heading"] = "Kimliği eID ile doğrula (simülasyon)",
            ["eid.explain"] = "Bu, geliştirme ve testler için bir simülasyondur. Canlı işletimde bu adımı BundID bağlantısı üstlenir.",
            ["eid.birthDate"] = "Kimlikteki doğum tarihi", ["eid.street"] = "Sokak", ["eid.houseNumber"] = "Bina numarası", ["eid.postalCode"] = "Posta kodu",
            ["eid.city"] = "Şehir", ["eid.submit"] = "Kimliği oku (simülasyon)", ["eid.done"] = "Kimliğiniz doğrulandı (yüksek düzey).",
            ["error.required"] = "Lütfen doldurun.", ["error.summary"] = "Lütfen girdiğiniz bilgileri kontrol edin.", ["languages"] = "Dil",
        },
        ["uk"] = new()
        {
            ["title"] = "Обліковий запис громадянина Мюнхена (Bürgerkonto)", ["login.heading"] = "Увійти", ["login.username"] = "Ім'я користувача або e-mail",
            ["login.password"] = "Пароль", ["login.submit"] = "Увійти", ["login.invalid"] = "Неправильне ім'я користувача або пароль.",
            ["login.wait"] = "Забагато невдалих спроб. Зачекайте, будь ласка, {0} секунд і спробуйте ще раз.",
            ["login.no2fa"] = "Облікові записи працівників потребують другого фактора. Зверніться, будь ласка, до IT-служби.",
            ["login.register"] = "Ще немає облікового запису? Зареєструйтеся зараз", ["2fa.heading"] = "Код підтвердження",
            ["2fa.code"] = "6-значний код з вашого застосунку-автентифікатора", ["2fa.submit"] = "Підтвердити", ["2fa.invalid"] = "Код неправильний або застарів.",
            ["register.heading"] = "Зареєструвати обліковий запис", ["register.givenName"] = "Ім'я", ["register.familyName"] = "Прізвище", ["register.email"] = "E-mail",
            ["register.password"] = "Пароль (щонайменше 10 символів)", ["register.language"] = "Бажана мова", ["register.submit"] = "Зареєструватися",
            ["home.heading"] = "Ваш обліковий запис", ["home.signedInAs"] = "Ви увійшли як",
            ["home.level"] = "Рівень довіри", ["home.verify"] = "Підтвердити через eID (онлайн-посвідчення)", ["logout.heading"] = "Вийти",
            ["logout.submit"] = "Вийти зараз", ["logout.done"] = "Ви вийшли з облікового запису.", ["eid.heading"] = "Підтвердити особу через eID (симуляція)",
            ["eid.explain"] = "Це симуляція для розробки й тестів. У робочому режимі цей крок виконує підключення BundID.",
            ["eid.birthDate"] = "Дата народження за документом", ["eid.street"] = "Вулиця", ["eid.houseNumber"] = "Номер будинку", ["eid.postalCode"] = "Поштовий індекс",
            ["eid.city"] = "Місто", ["eid.submit"] = "Зчитати посвідчення (симуляція)", ["eid.done"] = "Вашу особу підтверджено (високий рівень).",
            ["error.required"] = "Заповніть, будь ласка.", ["error.summary"] = "Перевірте, будь ласка, введені дані.", ["languages"] = "Мова",
        },
        ["ru"] = new()
        {
            ["title"] = "Учётная запись гражданина Мюнхена (Bürgerkonto)", ["login.heading"] = "Вход", ["login.username"] = "Имя пользователя или e-mail",
            ["login.password"] = "Пароль", ["login.submit"] = "Войти", ["login.invalid"] = "Неверное имя пользователя или пароль.",
            ["login.wait"] = "Слишком много неудачных попыток. Подождите, пожалуйста, {0} секунд и попробуйте ещё раз.",
            ["login.no2fa"] = "Учётным записям сотрудников нужен второй фактор. Обратитесь, пожалуйста, в IT-отдел.",
            ["login.register"] = "Ещё нет учётной записи? Зарегистрируйтесь", ["2fa.heading"] = "Код подтверждения",
            ["2fa.code"] = "6-значный код из приложения-аутентификатора", ["2fa.submit"] = "Подтвердить", ["2fa.invalid"] = "Код неверный или устарел.",
            ["register.heading"] = "Зарегистрировать учётную запись", ["register.givenName"] = "Имя", ["register.familyName"] = "Фамилия", ["register.email"] = "E-mail",
            ["register.password"] = "Пароль (не менее 10 символов)", ["register.language"] = "Предпочитаемый язык", ["register.submit"] = "Зарегистрироваться",
            ["home.heading"] = "Ваша учётная запись", ["home.signedInAs"] = "Вы вошли как",
            ["home.level"] = "Уровень доверия", ["home.verify"] = "Подтвердить через eID (онлайн-удостоверение)", ["logout.heading"] = "Выход",
            ["logout.submit"] = "Выйти сейчас", ["logout.done"] = "Вы вышли из учётной записи.", ["eid.heading"] = "Подтвердить личность через eID (симуляция)",
            ["eid.explain"] = "Это симуляция для разработки и тестов. В рабочем режиме этот шаг выполняет подключение BundID.",
            ["eid.birthDate"] = "Дата рождения по документу", ["eid.street"] = "Улица", ["eid.houseNumber"] = "Номер дома", ["eid.postalCode"] = "Почтовый индекс",
            ["eid.city"] = "Город", ["eid.submit"] = "Считать удостоверение (симуляция)", ["eid.done"] = "Ваша личность подтверждена (высокий уровень).",
            ["error.required"] = "Заполните, пожалуйста.", ["error.summary"] = "Проверьте, пожалуйста, введённые данные.", ["languages"] = "Язык",
        },
        ["ar"] = new()
        {
            ["title"] = "حساب المواطن في ميونخ (Bürgerkonto)", ["login.heading"] = "تسجيل الدخول", ["login.username"] = "اسم المستخدم أو البريد الإلكتروني",
            ["login.password"] = "كلمة المرور", ["login.submit"] = "تسجيل الدخول", ["login.invalid"] = "اسم المستخدم أو كلمة المرور غير صحيحة.",
            ["login.wait"] = "محاولات فاشلة كثيرة. يُرجى الانتظار {0} ثانية ثم المحاولة مرة أخرى.",
            ["login.no2fa"] = "تحتاج حسابات الموظفين إلى عامل تحقق ثانٍ. يُرجى التواصل مع قسم تقنية المعلومات.",
            ["login.register"] = "ليس لديك حساب مواطن بعد؟ سجّل الآن", ["2fa.heading"] = "رمز التحقق",
            ["2fa.code"] = "الرمز المكوّن من 6 أرقام من تطبيق المصادقة", ["2fa.submit"] = "تأكيد", ["2fa.invalid"] = "الرمز غير صحيح أو انتهت صلاحيته.",
            ["register.heading"] = "إنشاء حساب مواطن", ["register.givenName"] = "الاسم الأول", ["register.familyName"] = "اسم العائلة",
            ["register.email"] = "البريد الإلكتروني", ["register.password"] = "كلمة المرور (10 أحرف على الأقل)", ["register.language"] = "اللغة المفضلة",
            ["register.submit"] = "تسجيل", ["home.heading"] = "حساب المواطن الخاص بك",
            ["home.signedInAs"] = "مسجّل الدخول باسم", ["home.level"] = "مستوى الثقة", ["home.verify"] = "التحقق عبر eID (الهوية الإلكترونية)",
            ["logout.heading"] = "تسجيل الخروج", ["logout.submit"] = "تسجيل الخروج الآن", ["logout.done"] = "تم تسجيل خروجك.",
            ["eid.heading"] = "تأكيد الهوية عبر eID (محاكاة)",
            ["eid.explain"] = "هذه محاكاة لأغراض التطوير والاختبار. في التشغيل الفعلي يتولى الربط مع BundID هذه الخطوة.",
            ["eid.birthDate"] = "تاريخ الميلاد حسب الهوية", ["eid.street"] = "الشارع", ["eid.houseNumber"] = "رقم المبنى", ["eid.postalCode"] = "الرمز البريدي",
            ["eid.city"] = "المدينة", ["eid.submit"] = "قراءة الهوية (محاكاة)", ["eid.done"] = "تم تأكيد هويتك (مستوى عالٍ).",
            ["error.required"] = "يُرجى تعبئة هذا الحقل.", ["error.summary"] = "يُرجى التحقق من البيانات المُدخلة.", ["languages"] = "اللغة",
        },
    };

    /// <summary>The pages' language: the request's UI culture when it is a supported one, else German.</summary>
    public static string Language =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var code && SupportedLanguages.IsSupported(code) ? code : SupportedLanguages.German;

    /// <summary>Text for <paramref name="key"/> in the page's language (English where a translation lacks it).</summary>
    public static string T(string key) => Language switch
    {
        "de" => All.TryGetValue(key, out var text) ? text.De : key,
        "en" => All.TryGetValue(key, out var text) ? text.En : key,
        var other => Translated.GetValueOrDefault(other)?.GetValueOrDefault(key) ?? (All.TryGetValue(key, out var text) ? text.En : key),
    };

    /// <summary>Whether the page reads right to left (Arabic).</summary>
    public static string Direction => SupportedLanguages.Find(Language)?.RightToLeft == true ? "rtl" : "ltr";

    /// <summary>The languages the pages are written in (every supported one but Bavarian, which reads German), for the switch.</summary>
    public static IEnumerable<SupportedLanguage> PageLanguages => SupportedLanguages.All.Where(l => l.VoiceOf is null);
}

