from enum import StrEnum


class UploadDocumentBodyKind(StrEnum):
    EEG = "eeg"
    IMAGING = "imaging"
    LAB_REPORT = "lab_report"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
