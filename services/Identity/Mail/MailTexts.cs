using MucGov.Shared.Languages;

namespace MucGov.Identity.Mail;

/// <summary>
/// The texts of the mails in every supported language (Bavarian reads German). A mail never carries the content of a
/// message or other personal data: it says that something is waiting and links to the sign-in.
/// </summary>
public static class MailTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Table = new(StringComparer.Ordinal)
    {
        ["de"] = new()
        {
            ["staff.transfer.subject"] = "Neuer Fall für {department}: {reference}",
            ["staff.transfer.body"] = "Der Fall {reference} wurde an {department} weitergegeben und wartet in Ihrer Warteschlange.",
            ["staff.assigned.subject"] = "Ihnen wurde der Fall {reference} zugewiesen",
            ["staff.assigned.body"] = "{by} hat Ihnen den Fall {reference} zugewiesen.",
            ["staff.supervisor"] = "Ihre Leitung",
            ["staff.digest.subject"] = "Fristen überschritten in {department}: {count} Fall/Fälle",
            ["staff.digest.body"] = "In {department} haben diese Fälle ihre Frist überschritten:",
            ["staff.action"] = "Zur Warteschlange",
            ["staff.footer"] = "Ob Ihre Abteilung diese E-Mails bekommt, stellt die Leitung im Bürgerkonto ein.",
            ["greeting"] = "Guten Tag,",
            ["auto"] = "Diese E-Mail wurde automatisch verschickt. Bitte antworten Sie nicht darauf.",
            ["signature"] = "Ihr Bürgerkonto München",
            ["postfach.subject"] = "Neue Nachricht in Ihrem Postfach von {department}",
            ["postfach.body"] = "in Ihrem Postfach im Bürgerkonto München liegt eine neue Nachricht von {department}. "
                + "Zum Schutz Ihrer Daten steht der Inhalt nicht in dieser E-Mail. Bitte melden Sie sich an, um die Nachricht zu lesen.",
            ["postfach.action"] = "Anmelden und Nachricht lesen",
            ["postfach.unsubscribe"] = "Sie erhalten diese E-Mail, weil Benachrichtigungen für Ihr Bürgerkonto eingeschaltet sind. Abbestellen:",
            ["verify.subject"] = "Bitte bestätigen Sie Ihre E-Mail-Adresse",
            ["verify.body"] = "bitte bestätigen Sie, dass diese Adresse zu Ihrem neuen Bürgerkonto München gehört. Der Link gilt {hours} Stunden.",
            ["verify.action"] = "E-Mail-Adresse bestätigen",
            ["verify.ignore"] = "Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.",
            ["change.subject"] = "Bitte bestätigen Sie Ihre neue E-Mail-Adresse",
            ["change.body"] = "Sie möchten diese Adresse für Ihr Bürgerkonto München verwenden. Bitte bestätigen Sie das; der Link gilt {hours} Stunden. "
                + "Bis dahin bleibt die bisherige Adresse eingetragen.",
            ["change.action"] = "Neue Adresse bestätigen",
            ["taken.subject"] = "Registrierung mit Ihrer E-Mail-Adresse",
            ["taken.body"] = "jemand hat versucht, mit dieser Adresse ein neues Bürgerkonto zu registrieren. Für diese Adresse gibt es schon ein Konto. "
                + "Wenn Sie Ihr Passwort vergessen haben, können Sie ein neues festlegen.",
            ["taken.ignore"] = "Wenn Sie das nicht waren, können Sie diese E-Mail ignorieren; an Ihrem Konto hat sich nichts geändert.",
            ["reset.subject"] = "Neues Passwort für Ihr Bürgerkonto",
            ["reset.body"] = "Sie haben ein neues Passwort für Ihr Bürgerkonto München angefordert. Der Link gilt {minutes} Minuten. "
                + "Nach dem Zurücksetzen gilt Ihr Konto bis zur nächsten Prüfung mit dem Online-Ausweis als Vertrauensniveau „basic“.",
            ["reset.action"] = "Neues Passwort festlegen",
            ["reset.ignore"] = "Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.",
        },
        ["en"] = new()
        {
            ["staff.transfer.subject"] = "New case for {department}: {reference}",
            ["staff.transfer.body"] = "The case {reference} was transferred to {department} and waits in your queue.",
            ["staff.assigned.subject"] = "The case {reference} was assigned to you",
            ["staff.assigned.body"] = "{by} assigned the case {reference} to you.",
            ["staff.supervisor"] = "Your supervisor",
            ["staff.digest.subject"] = "Deadlines passed in {department}: {count} case(s)",
            ["staff.digest.body"] = "In {department} these cases passed their deadline:",
            ["staff.action"] = "Open the queue",
            ["staff.footer"] = "Your department's supervisors choose in the citizen account whether the department gets these e-mails.",
            ["greeting"] = "Hello,",
            ["auto"] = "This e-mail was sent automatically. Please do not reply to it.",
            ["signature"] = "Your Munich citizen account",
            ["postfach.subject"] = "New message in your Postfach from {department}",
            ["postfach.body"] = "there is a new message from {department} in the Postfach (mailbox) of your Munich citizen account. "
                + "To protect your data, its content is not in this e-mail. Please sign in to read it.",
            ["postfach.action"] = "Sign in and read the message",
            ["postfach.unsubscribe"] = "You receive this e-mail because notifications are on for your citizen account. Unsubscribe:",
            ["verify.subject"] = "Please confirm your e-mail address",
            ["verify.body"] = "please confirm that this address belongs to your new Munich citizen account. The link works for {hours} hours.",
            ["verify.action"] = "Confirm e-mail address",
            ["verify.ignore"] = "If you did not register, you can ignore this e-mail.",
            ["change.subject"] = "Please confirm your new e-mail address",
            ["change.body"] = "You want to use this address for your Munich citizen account. Please confirm it; the link works for {hours} hours. "
                + "Until then your previous address stays on record.",
            ["change.action"] = "Confirm new address",
            ["taken.subject"] = "Registration with your e-mail address",
            ["taken.body"] = "someone tried to register a new citizen account with this address. This address already has an account. "
                + "If you forgot your password, you can set a new one.",
            ["taken.ignore"] = "If this was not you, you can ignore this e-mail; nothing has changed in your account.",
            ["reset.subject"] = "New password for your citizen account",
            ["reset.body"] = "You asked for a new password for your Munich citizen account. The link works for {minutes} minutes. "
                + "After the reset your account counts as level of assurance \"basic\" until you verify it with your online ID card again.",
            ["reset.action"] = "Set a new password",
            ["reset.ignore"] = "If you did not ask for this, you can ignore this e-mail; your password stays as it is.",
        },
        ["tr"] = new()
        {
            ["staff.transfer.subject"] = "{department} için yeni dosya: {reference}",
            ["staff.transfer.body"] = "{reference} numaralı dosya {department} birimine iletildi ve kuyruğunuzda bekliyor.",
            ["staff.assigned.subject"] = "{reference} numaralı dosya size atandı",
            ["staff.assigned.body"] = "{by}, {reference} numaralı dosyayı size atadı.",
            ["staff.supervisor"] = "Amiriniz",
            ["staff.digest.subject"] = "{department} biriminde süresi geçen dosyalar: {count}",
            ["staff.digest.body"] = "{department} biriminde bu dosyaların süresi geçti:",
            ["staff.action"] = "Kuyruğu aç",
            ["staff.footer"] = "Biriminizin bu e-postaları alıp almayacağını amirleriniz vatandaş hesabında belirler.",
            ["greeting"] = "Merhaba,",
            ["auto"] = "Bu e-posta otomatik olarak gönderilmiştir. Lütfen yanıtlamayın.",
            ["signature"] = "Münih Vatandaş Hesabınız (Bürgerkonto)",
            ["postfach.subject"] = "Posta kutunuzda {department} biriminden yeni mesaj",
            ["postfach.body"] = "Münih vatandaş hesabınızın posta kutusunda (Postfach) {department} biriminden yeni bir mesaj var. "
                + "Verilerinizi korumak için içerik bu e-postada yer almıyor. Mesajı okumak için lütfen giriş yapın.",
            ["postfach.action"] = "Giriş yap ve mesajı oku",
            ["postfach.unsubscribe"] = "Bu e-postayı, vatandaş hesabınızda bildirimler açık olduğu için alıyorsunuz. Aboneliği iptal et:",
            ["verify.subject"] = "Lütfen e-posta adresinizi onaylayın",
            ["verify.body"] = "lütfen bu adresin yeni Münih vatandaş hesabınıza ait olduğunu onaylayın. Bağlantı {hours} saat geçerlidir.",
            ["verify.action"] = "E-posta adresini onayla",
            ["verify.ignore"] = "Kayıt olmadıysanız bu e-postayı dikkate almayabilirsiniz.",
            ["change.subject"] = "Lütfen yeni e-posta adresinizi onaylayın",
            ["change.body"] = "Bu adresi Münih vatandaş hesabınız için kullanmak istiyorsunuz. Lütfen onaylayın; bağlantı {hours} saat geçerlidir. "
                + "O zamana kadar eski adresiniz kayıtlı kalır.",
            ["change.action"] = "Yeni adresi onayla",
            ["taken.subject"] = "E-posta adresinizle kayıt denemesi",
            ["taken.body"] = "birisi bu adresle yeni bir vatandaş hesabı oluşturmaya çalıştı. Bu adrese ait bir hesap zaten var. "
                + "Şifrenizi unuttuysanız yeni bir şifre belirleyebilirsiniz.",
            ["taken.ignore"] = "Bu siz değilseniz bu e-postayı dikkate almayabilirsiniz; hesabınızda hiçbir şey değişmedi.",
            ["reset.subject"] = "Vatandaş hesabınız için yeni şifre",
            ["reset.body"] = "Münih vatandaş hesabınız için yeni bir şifre istediniz. Bağlantı {minutes} dakika geçerlidir. "
                + "Sıfırlamadan sonra hesabınız, çevrimiçi kimlik kartınızla yeniden doğrulayana kadar \"basic\" güven düzeyinde sayılır.",
            ["reset.action"] = "Yeni şifre belirle",
            ["reset.ignore"] = "Bunu siz istemediyseniz bu e-postayı dikkate almayabilirsiniz; şifreniz değişmez.",
        },
        ["uk"] = new()
        {
            ["staff.transfer.subject"] = "Нова справа для {department}: {reference}",
            ["staff.transfer.body"] = "Справу {reference} передано до {department}; вона чекає у вашій черзі.",
            ["staff.assigned.subject"] = "Вам призначено справу {reference}",
            ["staff.assigned.body"] = "{by} призначив(-ла) вам справу {reference}.",
            ["staff.supervisor"] = "Ваш керівник",
            ["staff.digest.subject"] = "Прострочені строки в {department}: {count}",
            ["staff.digest.body"] = "У {department} ці справи перевищили свій строк:",
            ["staff.action"] = "Відкрити чергу",
            ["staff.footer"] = "Чи отримує ваш відділ ці листи, вирішує керівництво в обліковому записі.",
            ["greeting"] = "Вітаємо,",
            ["auto"] = "Цей лист надіслано автоматично. Будь ласка, не відповідайте на нього.",
            ["signature"] = "Ваш обліковий запис громадянина Мюнхена",
            ["postfach.subject"] = "Нове повідомлення у вашій поштовій скриньці від {department}",
            ["postfach.body"] = "у поштовій скриньці (Postfach) вашого облікового запису громадянина Мюнхена є нове повідомлення від {department}. "
                + "Щоб захистити ваші дані, його змісту в цьому листі немає. Будь ласка, увійдіть, щоб прочитати повідомлення.",
            ["postfach.action"] = "Увійти й прочитати повідомлення",
            ["postfach.unsubscribe"] = "Ви отримуєте цей лист, бо для вашого облікового запису увімкнено сповіщення. Відписатися:",
            ["verify.subject"] = "Будь ласка, підтвердьте свою адресу електронної пошти",
            ["verify.body"] = "будь ласка, підтвердьте, що ця адреса належить вашому новому обліковому запису громадянина Мюнхена. Посилання дійсне {hours} год.",
            ["verify.action"] = "Підтвердити адресу",
            ["verify.ignore"] = "Якщо ви не реєструвалися, просто ігноруйте цей лист.",
            ["change.subject"] = "Будь ласка, підтвердьте нову адресу електронної пошти",
            ["change.body"] = "Ви хочете використовувати цю адресу для свого облікового запису громадянина Мюнхена. Будь ласка, підтвердьте це; "
                + "посилання дійсне {hours} год. До того часу зберігається попередня адреса.",
            ["change.action"] = "Підтвердити нову адресу",
            ["taken.subject"] = "Реєстрація з вашою адресою електронної пошти",
            ["taken.body"] = "хтось намагався зареєструвати новий обліковий запис із цією адресою. Для цієї адреси обліковий запис уже існує. "
                + "Якщо ви забули пароль, можете встановити новий.",
            ["taken.ignore"] = "Якщо це були не ви, просто ігноруйте цей лист; у вашому обліковому записі нічого не змінилося.",
            ["reset.subject"] = "Новий пароль для вашого облікового запису",
            ["reset.body"] = "Ви запросили новий пароль для свого облікового запису громадянина Мюнхена. Посилання дійсне {minutes} хв. "
                + "Після скидання ваш обліковий запис має рівень довіри «basic», доки ви знову не підтвердите його онлайн-посвідченням.",
            ["reset.action"] = "Встановити новий пароль",
            ["reset.ignore"] = "Якщо ви цього не запитували, просто ігноруйте цей лист; ваш пароль не зміниться.",
        },
        ["ru"] = new()
        {
            ["staff.transfer.subject"] = "Новое дело для {department}: {reference}",
            ["staff.transfer.body"] = "Дело {reference} передано в {department} и ждёт в вашей очереди.",
            ["staff.assigned.subject"] = "Вам назначено дело {reference}",
            ["staff.assigned.body"] = "{by} назначил(а) вам дело {reference}.",
            ["staff.supervisor"] = "Ваш руководитель",
            ["staff.digest.subject"] = "Просроченные сроки в {department}: {count}",
            ["staff.digest.body"] = "В {department} у этих дел истёк срок:",
            ["staff.action"] = "Открыть очередь",
            ["staff.footer"] = "Получает ли ваш отдел эти письма, решает руководство в учётной записи.",
            ["greeting"] = "Здравствуйте,",
            ["auto"] = "Это письмо отправлено автоматически. Пожалуйста, не отвечайте на него.",
            ["signature"] = "Ваша учётная запись гражданина Мюнхена",
            ["postfach.subject"] = "Новое сообщение в вашем почтовом ящике от {department}",
            ["postfach.body"] = "в почтовом ящике (Postfach) вашей учётной записи гражданина Мюнхена есть новое сообщение от {department}. "
                + "Чтобы защитить ваши данные, его содержания в этом письме нет. Пожалуйста, войдите, чтобы прочитать сообщение.",
            ["postfach.action"] = "Войти и прочитать сообщение",
            ["postfach.unsubscribe"] = "Вы получаете это письмо, потому что для вашей учётной записи включены уведомления. Отписаться:",
            ["verify.subject"] = "Пожалуйста, подтвердите адрес электронной почты",
            ["verify.body"] = "пожалуйста, подтвердите, что этот адрес принадлежит вашей новой учётной записи гражданина Мюнхена. Ссылка действует {hours} ч.",
            ["verify.action"] = "Подтвердить адрес",
            ["verify.ignore"] = "Если вы не регистрировались, просто проигнорируйте это письмо.",
            ["change.subject"] = "Пожалуйста, подтвердите новый адрес электронной почты",
            ["change.body"] = "Вы хотите использовать этот адрес для своей учётной записи гражданина Мюнхена. Пожалуйста, подтвердите это; "
                + "ссылка действует {hours} ч. До этого сохраняется прежний адрес.",
            ["change.action"] = "Подтвердить новый адрес",
            ["taken.subject"] = "Регистрация с вашим адресом электронной почты",
            ["taken.body"] = "кто-то попытался зарегистрировать новую учётную запись с этим адресом. Для этого адреса учётная запись уже существует. "
                + "Если вы забыли пароль, вы можете задать новый.",
            ["taken.ignore"] = "Если это были не вы, просто проигнорируйте это письмо; в вашей учётной записи ничего не изменилось.",
            ["reset.subject"] = "Новый пароль для вашей учётной записи",
            ["reset.body"] = "Вы запросили новый пароль для своей учётной записи гражданина Мюнхена. Ссылка действует {minutes} мин. "
                + "После сброса ваша учётная запись имеет уровень доверия «basic», пока вы снова не подтвердите её онлайн-удостоверением.",
            ["reset.action"] = "Задать новый пароль",
            ["reset.ignore"] = "Если вы этого не запрашивали, просто проигнорируйте это письмо; ваш пароль не изменится.",
        },
        ["ar"] = new()
        {
            ["staff.transfer.subject"] = "ملف جديد لـ {department}: {reference}",
            ["staff.transfer.body"] = "أُحيل الملف {reference} إلى {department} وهو بانتظارك في قائمة الانتظار.",
            ["staff.assigned.subject"] = "أُسند إليك الملف {reference}",
            ["staff.assigned.body"] = "أسند {by} إليك الملف {reference}.",
            ["staff.supervisor"] = "مسؤولك",
            ["staff.digest.subject"] = "مهل منقضية في {department}: {count}",
            ["staff.digest.body"] = "في {department} انقضت مهلة هذه الملفات:",
            ["staff.action"] = "فتح قائمة الانتظار",
            ["staff.footer"] = "يقرر المسؤولون في الحساب ما إذا كان قسمك يتلقى هذه الرسائل.",
            ["greeting"] = "مرحبًا،",
            ["auto"] = "أُرسلت هذه الرسالة تلقائيًا. يُرجى عدم الرد عليها.",
            ["signature"] = "حسابكم كمواطن في ميونخ",
            ["postfach.subject"] = "رسالة جديدة في صندوق بريدكم من {department}",
            ["postfach.body"] = "توجد رسالة جديدة من {department} في صندوق البريد (Postfach) الخاص بحسابكم كمواطن في ميونخ. "
                + "حمايةً لبياناتكم لا يرد محتواها في هذا البريد. يُرجى تسجيل الدخول لقراءة الرسالة.",
            ["postfach.action"] = "تسجيل الدخول وقراءة الرسالة",
            ["postfach.unsubscribe"] = "تصلكم هذه الرسالة لأن الإشعارات مفعّلة في حسابكم. لإلغاء الاشتراك:",
            ["verify.subject"] = "يُرجى تأكيد عنوان بريدكم الإلكتروني",
            ["verify.body"] = "يُرجى تأكيد أن هذا العنوان يخص حسابكم الجديد كمواطن في ميونخ. الرابط صالح لمدة {hours} ساعة.",
            ["verify.action"] = "تأكيد عنوان البريد الإلكتروني",
            ["verify.ignore"] = "إذا لم تقوموا بالتسجيل فيمكنكم تجاهل هذه الرسالة.",
            ["change.subject"] = "يُرجى تأكيد عنوان بريدكم الإلكتروني الجديد",
            ["change.body"] = "ترغبون في استخدام هذا العنوان لحسابكم كمواطن في ميونخ. يُرجى التأكيد؛ الرابط صالح لمدة {hours} ساعة. "
                + "حتى ذلك الحين يبقى العنوان السابق مسجلًا.",
            ["change.action"] = "تأكيد العنوان الجديد",
            ["taken.subject"] = "محاولة تسجيل بعنوان بريدكم الإلكتروني",
            ["taken.body"] = "حاول شخص ما تسجيل حساب جديد بهذا العنوان. يوجد حساب لهذا العنوان بالفعل. إذا نسيتم كلمة المرور فيمكنكم تعيين كلمة جديدة.",
            ["taken.ignore"] = "إذا لم تكونوا أنتم فيمكنكم تجاهل هذه الرسالة؛ لم يتغير شيء في حسابكم.",
            ["reset.subject"] = "كلمة مرور جديدة لحسابكم",
            ["reset.body"] = "طلبتم كلمة مرور جديدة لحسابكم كمواطن في ميونخ. الرابط صالح لمدة {minutes} دقيقة. "
                + "بعد إعادة التعيين يُعدّ حسابكم بمستوى الثقة \"basic\" إلى أن تؤكدوه مجددًا ببطاقة الهوية الإلكترونية.",
            ["reset.action"] = "تعيين كلمة مرور جديدة",
            ["reset.ignore"] = "إذا لم تطلبوا ذلك فيمكنكم تجاهل هذه الرسالة؛ تبقى كلمة المرور كما هي.",
        },
    };

    /// <summary>The languages the mails are written in.</summary>
    public static IReadOnlyCollection<string> Languages => Table.Keys;

    /// <summary>Every text key (each language has them all; a test checks).</summary>
    public static IReadOnlyCollection<string> Keys => Table[SupportedLanguages.German].Keys;

    /// <summary>The language a mail for someone preferring <paramref name="language"/> is written in.</summary>
    public static string LanguageFor(string? language) => SupportedLanguages.Fallbacks(language).First(Table.ContainsKey);

    /// <summary>The text <paramref name="key"/> in <paramref name="language"/> (as <see cref="LanguageFor"/> picks it), placeholders filled.</summary>
    public static string T(string language, string key, params (string Name, string Value)[] values)
    {
        var text = Table[LanguageFor(language)].GetValueOrDefault(key) ?? Table[SupportedLanguages.German][key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Whether <paramref name="language"/>'s table has every key of the German one.</summary>
    public static IReadOnlyList<string> MissingKeys(string language) => [.. Keys.Where(k => !Table[language].ContainsKey(k))];
}
