// A patient's own records: their documents (download, upload), their prescriptions (each one's
// PDF) and who accessed their record. The patient's id is their one row of the patients list.
import { unwrap } from "@carebridge/client";
import { t } from "../i18n";
import { AccessLog } from "../record/AccessLog";
import { Documents } from "../record/Documents";
import { Prescriptions } from "../record/Prescriptions";
import { VitalsSection } from "../record/Vitals";
import { api } from "../session";
import { Page, Show, useLoad } from "../ui";

export function Records() {
  const s = t();
  const l = useLoad(async () => {
    const page = await unwrap(api.GET("/api/v1/patients", { params: { query: { limit: 1 } } }));
    const self = page.items[0];
    if (!self) throw new Error(t().noRecord);
    return self.id;
  }, []);
  return (
    <Page title={s.myRecords}>
      <Show l={l}>
        {(id) => (
          <>
            <VitalsSection patientId={id} />
            <Documents patientId={id} />
            <Prescriptions patientId={id} />
            <AccessLog patientId={id} title={s.accessMine} />
          </>
        )}
      </Show>
    </Page>
  );
}
