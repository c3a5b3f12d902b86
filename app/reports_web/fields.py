"""Fields of the default questionnaire the report reads besides the master-plan roles.

The roles (dimension, element, cost, timeframe, …) are declared in the workbook
(`instance::masterplan`, surveys/README.md) and read through the export. These are not roles
of the program table, so the report names them here; a questionnaire without them simply
leaves those parts of the report empty.
"""

BENEFICIARIES = "kebutuhan_jumlah_penerima"
NATIONAL_APP = "kebutuhan_aplikasi_umum"
READINESS = ("skor_struktur", "skor_infrastruktur", "skor_suprastruktur")
APP_REPEAT = "aplikasi"
APP_NAME = "aplikasi_nama"
APP_KIND = "aplikasi_jenis"
APP_FUNCTION = "aplikasi_fungsi"
APP_PLATFORMS = "aplikasi_platform"
