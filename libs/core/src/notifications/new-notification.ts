/** The notices' types live with the notifications repository; the services that tell people import them from here. */
export type { CreatedNotification, NewNotification } from '@app/dal';
