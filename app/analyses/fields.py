"""Fields of the default questionnaire the analyses read (sections B, C, D and the needs).

A questionnaire without them leaves the matching analysis empty.
"""

SERVICE_REPEAT = "layanan"
SERVICE_NAME = "layanan_nama"
SERVICE_INDICATOR = "layanan_indikator_spbe"
SERVICE_LEVEL = "layanan_tingkat_kini"
SERVICE_TARGET = "layanan_tingkat_target"
NEED_INDICATOR = "kebutuhan_indikator_spbe"

APP_REPEAT = "aplikasi"
APP_NAME = "aplikasi_nama"
APP_FUNCTION = "aplikasi_fungsi"
APP_KIND = "aplikasi_jenis"
APP_STATUS = "aplikasi_status"
APP_HOSTING = "aplikasi_hosting"
APP_INTEGRATED = "aplikasi_terintegrasi"
APP_INTEGRATED_WITH = "aplikasi_integrasi_dengan"
APP_DEVELOPER = "aplikasi_pengembang"

DATASET_REPEAT = "dataset"
DATASET_NAME = "dataset_nama"
DATASET_ROLE = "dataset_peran"
DATASET_SOURCE = "dataset_sumber"
DATASET_FORMAT = "dataset_format"
DATASET_FREQUENCY = "dataset_frekuensi"
DATASET_METADATA = "dataset_metadata"
DATASET_PUBLISHED = "dataset_portal"

YES = "ya"
NO = "tidak"
SPBE_FRAMEWORK = "SPBE-59-2020"
"""The SPBE framework when the questionnaire's indicator choices name none."""

# Personal data (UU 27/2022): the officers' and signers' names, NIP, phones and e-mail are not
# for public access in the MS-Var metadata [I].
PERSONAL_PREFIXES = ("pj_", "teknis_", "penandatangan_")
