namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The countries of origin of the demo clients with hand-made name lists (Latin transliterations and, for some countries,
/// the original script: Arabic, Persian, Cyrillic, Ethiopic, Georgian). Shares: Syria and Ukraine large, as in NRW.
/// The names are common given names and surnames combined at random; they denote no real person.
/// </summary>
internal static class Herkunftslaender
{
    private static readonly (Szenario, double)[] AsylHerkunft = [(Szenario.Asylverfahren, 0.35), (Szenario.Geduldet, 0.45), (Szenario.Anerkannt, 0.05), (Szenario.SonstigerTitel, 0.15)];

    public static readonly IReadOnlyList<Herkunftsland> Alle =
    [
        new(
            "Syrien", 0.24, 0.58,
            new(
                ["Mohammed", "Ahmad", "Omar", "Khaled", "Yusuf", "Ali", "Hassan", "Mahmoud", "Abdullah", "Ibrahim", "Samer", "Fadi", "Rami", "Tarek", "Hussein", "Bilal", "Anas", "Majd"],
                ["Fatima", "Aisha", "Amina", "Noor", "Rasha", "Lina", "Hiba", "Yasmin", "Reem", "Dima", "Rania", "Maryam", "Huda", "Salma", "Layla", "Ghada", "Rahaf", "Bayan"],
                ["Al-Ahmad", "Haddad", "Khalil", "Hamoud", "Al-Hassan", "Shaaban", "Darwish", "Najjar", "Haj Ali", "Mustafa", "Al-Khatib", "Sabbagh", "Kurdi", "Issa", "Hamdan", "Othman", "Jaber", "Suleiman", "Qassem", "Al-Hamwi"]),
            new(
                ["محمد", "أحمد", "عمر", "خالد", "يوسف", "علي", "حسن", "إبراهيم"],
                ["فاطمة", "عائشة", "آمنة", "نور", "ريم", "ليلى", "هبة", "سلمى"],
                ["الأحمد", "حداد", "خليل", "درويش", "نجار", "الخطيب", "عثمان", "سليمان"]),
            0.12,
            [(Szenario.Asylverfahren, 0.30), (Szenario.Geduldet, 0.04), (Szenario.Anerkannt, 0.50), (Szenario.SonstigerTitel, 0.11), (Szenario.Niederlassung, 0.05)],
            0.85, 0.05, 0.42, 0.12, 0.20,
            ["Arabisch", "Kurdisch"]),
        new(
            "Ukraine", 0.17, 0.36,
            new(
                ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Volodymyr", "Yurii", "Ivan", "Maksym", "Bohdan", "Vitalii", "Taras", "Artem", "Denys"],
                ["Olena", "Nataliia", "Iryna", "Tetiana", "Oksana", "Kateryna", "Yuliia", "Anastasiia", "Svitlana", "Mariia", "Viktoriia", "Halyna", "Liudmyla", "Daryna", "Sofiia"],
                ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliinyk", "Shevchuk", "Polishchuk", "Koval", "Lysenko", "Marchenko", "Rudenko", "Savchenko", "Moroz", "Petrenko", "Melnyk", "Boiko", "Kovalchuk", "Ponomarenko", "Hrytsenko"]),
            new(
                ["Олександр", "Андрій", "Дмитро", "Сергій", "Іван", "Тарас", "Богдан"],
                ["Олена", "Наталія", "Ірина", "Оксана", "Катерина", "Софія", "Юлія"],
                ["Шевченко", "Коваленко", "Бондаренко", "Мельник", "Бойко", "Ткаченко", "Кравченко", "Лисенко"]),
            0.15,
            [(Szenario.Paragraph24, 0.93), (Szenario.SonstigerTitel, 0.05), (Szenario.Niederlassung, 0.02)],
            0, 0, 0.5, 0.01, 0.45,
            ["Ukrainisch", "Russisch"],
            new DateOnly(2022, 2, 24)),
        new(
            "Afghanistan", 0.11, 0.65,
            new(
                ["Ahmad", "Mohammad", "Abdul", "Farid", "Hamid", "Jawad", "Mustafa", "Rahim", "Shafiq", "Sohrab", "Wahid", "Zabiullah", "Naweed", "Omid", "Ramin", "Elyas"],
                ["Fatima", "Zahra", "Maryam", "Shabnam", "Nargis", "Farzana", "Laila", "Mursal", "Parwana", "Soraya", "Tahmina", "Hadia", "Mina", "Roya", "Freshta"],
                ["Ahmadi", "Hashimi", "Karimi", "Rahimi", "Sultani", "Hakimi", "Noori", "Popal", "Sadat", "Rezaei", "Stanekzai", "Wardak", "Hussaini", "Mohammadi", "Azizi", "Haidari", "Amiri", "Safi"]),
            new(
                ["احمد", "محمد", "فرید", "حمید", "امید", "رامین"],
                ["زهرا", "مریم", "شبنم", "نرگس", "لیلا", "رویا"],
                ["احمدی", "کریمی", "رحیمی", "حسینی", "محمدی", "امیری"]),
            0.10,
            [(Szenario.Asylverfahren, 0.40), (Szenario.Geduldet, 0.15), (Szenario.Anerkannt, 0.35), (Szenario.SonstigerTitel, 0.07), (Szenario.Niederlassung, 0.03)],
            0.45, 0.30, 0.50, 0.35, 0.10,
            ["Dari", "Paschtu"]),
        new(
            "Irak", 0.09, 0.58,
            new(
                ["Ali", "Hussein", "Haider", "Mustafa", "Abbas", "Ahmed", "Karim", "Saif", "Murtada", "Zaid", "Hassan", "Khalid", "Dilshad", "Azad", "Rebwar", "Shvan"],
                ["Zainab", "Fatima", "Maryam", "Sara", "Noor", "Shaima", "Zahraa", "Huda", "Rana", "Shilan", "Nasrin", "Avin", "Dilan", "Rezan"],
                ["Al-Jubouri", "Al-Obaidi", "Hassan", "Kareem", "Al-Tamimi", "Jasim", "Mahmood", "Rashid", "Ibrahim", "Salih", "Aziz", "Qadir", "Hamad", "Khidir", "Murad"]),
            new(
                ["علي", "حيدر", "عباس", "مصطفى", "زيد"],
                ["زينب", "مريم", "سارة", "نور", "رنا"],
                ["الجبوري", "العبيدي", "التميمي", "جاسم", "رشيد"]),
            0.10,
            [(Szenario.Asylverfahren, 0.30), (Szenario.Geduldet, 0.25), (Szenario.Anerkannt, 0.30), (Szenario.SonstigerTitel, 0.10), (Szenario.Niederlassung, 0.05)],
            0.35, 0.10, 0.55, 0.18, 0.15,
            ["Arabisch", "Kurdisch"]),
        new(
            "Türkei", 0.09, 0.62,
            new(
                ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre", "Serkan", "Burak", "Yusuf", "Ömer", "Baran", "Rojhat", "Welat"],
                ["Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Büşra", "Esra", "Derya", "Songül", "Rojda", "Berfin", "Hêvî"],
                ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Polat", "Tekin", "Akgül"]),
            null,
            0,
            [(Szenario.Asylverfahren, 0.50), (Szenario.Geduldet, 0.10), (Szenario.Anerkannt, 0.10), (Szenario.SonstigerTitel, 0.25), (Szenario.Niederlassung, 0.05)],
            0.25, 0.02, 0.70, 0.08, 0.15,
            ["Türkisch", "Kurdisch"]),
        new(
            "Iran", 0.04, 0.58,
            new(
                ["Reza", "Ali", "Mehdi", "Amir", "Hossein", "Mohammad", "Saeed", "Farhad", "Kaveh", "Babak", "Arash", "Dariush", "Navid", "Behrouz"],
                ["Maryam", "Zahra", "Fatemeh", "Sara", "Niloofar", "Shirin", "Parisa", "Leila", "Mahsa", "Nasrin", "Azadeh", "Golnaz", "Samira"],
                ["Hosseini", "Mohammadi", "Rezaei", "Ahmadi", "Moradi", "Karimi", "Jafari", "Rahimi", "Ghorbani", "Sadeghi", "Tehrani", "Nazari", "Kazemi", "Shirazi", "Ebrahimi"]),
            new(
                ["رضا", "مهدی", "امیر", "سعید", "فرهاد"],
                ["مریم", "شیرین", "پریسا", "نیلوفر", "سمیرا"],
                ["حسینی", "رضایی", "مرادی", "جعفری", "کاظمی"]),
            0.10,
            [(Szenario.Asylverfahren, 0.40), (Szenario.Geduldet, 0.15), (Szenario.Anerkannt, 0.30), (Szenario.SonstigerTitel, 0.12), (Szenario.Niederlassung, 0.03)],
            0.40, 0.05, 0.70, 0.05, 0.35,
            ["Farsi"]),
        new(
            "Eritrea", 0.03, 0.65,
            new(
                ["Yonas", "Daniel", "Filmon", "Tesfaye", "Mehari", "Yohannes", "Semere", "Henok", "Robel", "Bereket", "Awet", "Samuel", "Kidane", "Habtom", "Goitom"],
                ["Selam", "Helen", "Saba", "Meron", "Senait", "Hiwet", "Luwam", "Ruta", "Yordanos", "Mebrat", "Tsega", "Winta", "Freweini", "Hanna", "Rahel"],
                ["Tesfay", "Gebremedhin", "Haile", "Kidane", "Tekle", "Berhane", "Ghebreyesus", "Woldu", "Mehari", "Asmerom", "Yemane", "Habte", "Negash", "Gebru", "Okbay"]),
            new(
                ["ዮናስ", "ዳኒኤል", "ሰመረ", "ሄኖክ", "ኣወት"],
                ["ሰላም", "ሳባ", "ሉዋም", "ሩታ", "ዊንታ"],
                ["ተስፋይ", "ሃይለ", "ተኽለ", "ብርሃነ", "ወልዱ", "ገብሩ"]),
            0.15,
            [(Szenario.Asylverfahren, 0.35), (Szenario.Geduldet, 0.05), (Szenario.Anerkannt, 0.50), (Szenario.SonstigerTitel, 0.07), (Szenario.Niederlassung, 0.03)],
            0.80, 0.05, 0.60, 0.30, 0.05,
            ["Tigrinya", "Arabisch"]),
        new(
            "Guinea", 0.03, 0.75,
            new(
                ["Mamadou", "Alpha", "Ibrahima", "Ousmane", "Abdoulaye", "Amadou", "Mohamed", "Sekou", "Boubacar", "Alhassane", "Thierno", "Lansana", "Moussa", "Fodé"],
                ["Fatoumata", "Mariama", "Aissatou", "Kadiatou", "Hawa", "Aminata", "Fanta", "Oumou", "Djenabou", "Mariame", "Binta", "Nanfadima"],
                ["Diallo", "Barry", "Bah", "Sow", "Camara", "Condé", "Keita", "Sylla", "Touré", "Bangoura", "Kaba", "Soumah", "Baldé", "Cissé", "Kouyaté"]),
            null,
            0,
            [(Szenario.Asylverfahren, 0.40), (Szenario.Geduldet, 0.45), (Szenario.Anerkannt, 0.10), (Szenario.SonstigerTitel, 0.05)],
            0.20, 0.08, 0.60, 0.40, 0.05,
            ["Fulfulde", "Französisch", "Malinke"]),
        new(
            "Somalia", 0.02, 0.55,
            new(
                ["Abdirahman", "Mohamed", "Ahmed", "Abdullahi", "Hassan", "Omar", "Abdiaziz", "Yusuf", "Mahad", "Liban", "Ayub", "Hamza", "Farah"],
                ["Hodan", "Fadumo", "Amina", "Sahra", "Hawa", "Ifrah", "Khadija", "Nasra", "Asha", "Ubah", "Ayan", "Sagal", "Deeqa"],
                ["Mohamed", "Ali", "Hassan", "Abdi", "Warsame", "Farah", "Omar", "Jama", "Ahmed", "Osman", "Nur", "Yusuf", "Aden", "Hersi", "Duale"]),
            null,
            0,
            [(Szenario.Asylverfahren, 0.35), (Szenario.Geduldet, 0.20), (Szenario.Anerkannt, 0.40), (Szenario.SonstigerTitel, 0.05)],
            0.55, 0.15, 0.50, 0.40, 0.05,
            ["Somali", "Arabisch"]),
        new(
            "Nigeria", 0.03, 0.55,
            new(
                ["Chinedu", "Emeka", "Oluwaseun", "Tunde", "Ibrahim", "Musa", "Chukwuemeka", "Babatunde", "Ikenna", "Obinna", "Samuel", "David", "Uchenna", "Segun"],
                ["Ngozi", "Chioma", "Funmilayo", "Adaeze", "Blessing", "Aisha", "Amaka", "Folake", "Nneka", "Esther", "Yetunde", "Ifeoma", "Precious"],
                ["Okafor", "Adeyemi", "Okonkwo", "Eze", "Ibrahim", "Bello", "Nwosu", "Ogunleye", "Balogun", "Obi", "Chukwu", "Adebayo", "Okeke", "Onyeka", "Ogundipe"]),
            null,
            0,
            [(Szenario.Asylverfahren, 0.35), (Szenario.Geduldet, 0.50), (Szenario.Anerkannt, 0.05), (Szenario.SonstigerTitel, 0.10)],
            0.08, 0.07, 0.60, 0.10, 0.15,
            ["Englisch", "Igbo", "Yoruba"]),
        new(
            "Russland", 0.03, 0.50,
            new(
                ["Aleksandr", "Dmitrii", "Sergei", "Andrei", "Aleksei", "Mikhail", "Ivan", "Nikolai", "Maksim", "Ruslan", "Magomed", "Islam", "Timur"],
                ["Elena", "Natalia", "Olga", "Irina", "Tatiana", "Anna", "Ekaterina", "Svetlana", "Maria", "Zarema", "Madina", "Aminat", "Kheda"],
                ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Petrov", "Sokolov", "Volkov", "Magomedov", "Umarov", "Isaev", "Abdulaev", "Morozov", "Novikov"],
                ["Ivanova", "Smirnova", "Kuznetsova", "Popova", "Petrova", "Sokolova", "Volkova", "Magomedova", "Umarova", "Isaeva", "Abdulaeva", "Morozova", "Novikova"]),
            new(
                ["Александр", "Дмитрий", "Сергей", "Михаил", "Руслан"],
                ["Елена", "Наталья", "Ольга", "Анна", "Мадина"],
                ["Иванов", "Петров", "Смирнов", "Морозов", "Умаров"],
                ["Иванова", "Петрова", "Смирнова", "Морозова", "Умарова"]),
            0.15,
            [(Szenario.Asylverfahren, 0.35), (Szenario.Geduldet, 0.25), (Szenario.Anerkannt, 0.15), (Szenario.SonstigerTitel, 0.20), (Szenario.Niederlassung, 0.05)],
            0.20, 0.05, 0.70, 0.02, 0.35,
            ["Russisch", "Tschetschenisch"]),
        new(
            "Georgien", 0.04, 0.55,
            new(
                ["Giorgi", "Davit", "Levan", "Irakli", "Nika", "Zurab", "Lasha", "Giga", "Tornike", "Luka", "Sandro", "Otar"],
                ["Nino", "Mariam", "Tamar", "Ana", "Natia", "Eka", "Salome", "Ketevan", "Sopho", "Maia", "Tamta", "Nana"],
                ["Beridze", "Kapanadze", "Gelashvili", "Maisuradze", "Giorgadze", "Lomidze", "Tsiklauri", "Bolkvadze", "Nozadze", "Khutsishvili", "Chikovani", "Abashidze"]),
            new(
                ["გიორგი", "დავით", "ლევან", "ნიკა"],
                ["ნინო", "მარიამ", "თამარ", "ანა"],
                ["ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე"]),
            0.10,
            [(Szenario.Asylverfahren, 0.45), (Szenario.Geduldet, 0.45), (Szenario.SonstigerTitel, 0.10)],
            0.02, 0.02, 0.60, 0.03, 0.25,
            ["Georgisch", "Russisch"]),
        new(
            "Nordmazedonien", 0.04, 0.55,
            new(
                ["Aleksandar", "Nikola", "Stefan", "Goran", "Dragan", "Bojan", "Filip", "Marko", "Dejan", "Zoran", "Arben", "Besnik", "Erdal", "Muamet"],
                ["Elena", "Marija", "Ana", "Jovana", "Ivana", "Biljana", "Snežana", "Vesna", "Aferdita", "Mimoza", "Sara", "Emine"],
                ["Petrovski", "Nikolovski", "Stojanovski", "Trajkovski", "Ristov", "Jovanov", "Ademi", "Memeti", "Iseni", "Demiri", "Bajrami", "Saliu"],
                ["Petrovska", "Nikolovska", "Stojanovska", "Trajkovska", "Ristova", "Jovanova", "Ademi", "Memeti", "Iseni", "Demiri", "Bajrami", "Saliu"]),
            new(
                ["Александар", "Никола", "Горан", "Дејан"],
                ["Елена", "Марија", "Ивана", "Весна"],
                ["Петровски", "Николовски", "Јованов", "Ристов"],
                ["Петровска", "Николовска", "Јованова", "Ристова"]),
            0.10,
            AsylHerkunft,
            0.01, 0.01, 0.60, 0.08, 0.05,
            ["Mazedonisch", "Albanisch", "Romanes"]),
        new(
            "Albanien", 0.04, 0.58,
            new(
                ["Arben", "Besnik", "Ermal", "Gentian", "Klodian", "Erion", "Fatmir", "Luan", "Dritan", "Endrit"],
                ["Arta", "Blerina", "Elona", "Enkeleda", "Fjolla", "Mirela", "Ornela", "Valbona", "Xhesika", "Anila"],
                ["Hoxha", "Shehu", "Basha", "Leka", "Gjoka", "Dervishi", "Hasani", "Krasniqi", "Kola", "Marku", "Cela", "Dushku", "Gashi", "Muca"]),
            null,
            0,
            AsylHerkunft,
            0.02, 0.01, 0.60, 0.04, 0.10,
            ["Albanisch"]),
    ];

    /// <summary>The countries with their shares as weights.</summary>
    public static readonly IReadOnlyList<(Herkunftsland Wert, double Gewicht)> NachAnteil = Alle.Select(l => (l, l.Anteil)).ToArray();

    /// <summary>A country of origin for households that have no share of their own (Syria, the largest group).</summary>
    public static Herkunftsland Ersatz => Alle[0];
}
