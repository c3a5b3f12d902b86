"""Default answer-validation messages in Bahasa Indonesia and English."""

MESSAGES: dict[str, dict[str, str]] = {
    "required": {"id": "Wajib diisi.", "en": "This field is required."},
    "constraint": {
        "id": "Jawaban tidak memenuhi syarat.",
        "en": "The answer does not meet the constraint.",
    },
    "unknown": {"id": "Isian tidak dikenal.", "en": "Unknown field."},
    "text": {"id": "Harus berupa teks.", "en": "Must be text."},
    "too_long": {
        "id": "Teks terlalu panjang (maksimal {limit} karakter).",
        "en": "The text is too long (at most {limit} characters).",
    },
    "text_invalid": {
        "id": "Teks memuat karakter yang tidak dapat disimpan (NUL atau surrogate tunggal); "
              "ketik ulang atau tempel ulang teksnya.",
        "en": "The text holds a character that cannot be stored (NUL or a lone surrogate); "
              "type or paste it again.",
    },
    "integer": {"id": "Harus berupa bilangan bulat.", "en": "Must be a whole number."},
    "number_range": {
        "id": "Angka terlalu besar: paling banyak 1.000.000.000.000.000 (10^15), positif "
              "atau negatif.",
        "en": "The number is too large: at most 1,000,000,000,000,000 (10^15) either way.",
    },
    "number_digits": {
        "id": "Angka terlalu rinci: paling banyak 15 digit dan 15 angka di belakang koma.",
        "en": "The number is too precise: at most 15 digits and 15 decimal places.",
    },
    "date_range": {
        "id": "Tanggal harus antara 1 Januari 1900 dan 31 Desember 9999.",
        "en": "The date must be between 1 January 1900 and 31 December 9999.",
    },
    "decimal": {"id": "Harus berupa angka.", "en": "Must be a number."},
    "date": {
        "id": "Harus berupa tanggal yang valid (YYYY-MM-DD).",
        "en": "Must be a valid date (YYYY-MM-DD).",
    },
    "choice": {"id": "Pilihan tidak valid.", "en": "Not a valid choice."},
    "choice_filtered": {
        "id": "Pilihan ini tidak tersedia untuk jawaban sebelumnya.",
        "en": "This choice is not available for the earlier answers.",
    },
    "choices": {"id": "Harus berupa daftar pilihan.", "en": "Must be a list of choices."},
    "choice_twice": {
        "id": "Pilihan yang sama dipilih lebih dari sekali.",
        "en": "The same choice is selected more than once.",
    },
    "rows": {"id": "Harus berupa daftar baris.", "en": "Must be a list of rows."},
    "row": {"id": "Setiap baris harus berupa objek.", "en": "Each row must be an object."},
    "too_many_rows": {
        "id": "Terlalu banyak baris (maksimal {limit}).",
        "en": "Too many rows (at most {limit}).",
    },
    "repeat_count": {
        "id": "Jumlah baris melebihi batas ({limit}).",
        "en": "There are more rows than allowed ({limit}).",
    },
    "row_id": {
        "id": "_id baris harus unik dan terdiri atas 1–64 huruf, angka, _ atau -.",
        "en": "A row _id must be unique and 1–64 letters, digits, _ or -.",
    },
    "carry_status": {
        "id": "Status baris harus salah satu dari: masih sama, berubah, tidak berlaku lagi.",
        "en": "A row status must be one of: still the same, changed, no longer applies.",
    },
    "carry_unconfirmed": {
        "id": "Baris ini dibawa dari periode sebelumnya: pilih masih sama, berubah, atau "
              "tidak berlaku lagi.",
        "en": "This row was carried from the previous round: choose still the same, changed "
              "or no longer applies.",
    },
    "not_object": {
        "id": "Jawaban harus berupa objek JSON.",
        "en": "The answers must be a JSON object.",
    },
}


def message(key: str, lang: str, **params: object) -> str:
    """Return the catalogue message in `lang` (Bahasa Indonesia when the language is unknown)."""
    texts = MESSAGES[key]
    return texts.get(lang, texts["id"]).format(**params)
